import {
  GraphQLError,
  GraphQLScalarType,
  GraphQLSchema,
  KnownDirectivesRule,
  KnownTypeNamesRule,
  LoneSchemaDefinitionRule,
  PossibleTypeExtensionsRule,
  UniqueArgumentDefinitionNamesRule,
  UniqueDirectiveNamesRule,
  UniqueDirectivesPerLocationRule,
  UniqueEnumValueNamesRule,
  UniqueFieldDefinitionNamesRule,
  UniqueOperationTypesRule,
  visit,
  visitInParallel,
  type ASTVisitor,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DirectiveNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type NameNode,
  isTypeDefinitionNode,
  type DocumentNode,
} from 'graphql';
// The SDL flavours of these two rules are not re-exported from the package root.
import { KnownArgumentNamesOnDirectivesRule } from 'graphql/validation/rules/KnownArgumentNamesRule.js';
import { ProvidedRequiredArgumentsOnDirectivesRule } from 'graphql/validation/rules/ProvidedRequiredArgumentsRule.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import { graphqlMessage } from './suggest.js';

type SDLRule = (context: SDLContext) => ASTVisitor;
/**
 * `none`: the rule is deep-imported, and a bundler may load it from graphql's CommonJS build while
 * `graphql` itself comes from the ESM build; handing it our schema would mix the two realms.
 * Those rules only need the schema for directives, and ours has none beyond the specified ones.
 */
type SchemaUse = 'none';
interface SDLContext {
  getDocument(): DocumentNode;
  getSchema(): GraphQLSchema | undefined;
  reportError(error: GraphQLError): void;
}

/** One of GraphQL's SDL rules as Wesley reports it. */
interface RuleUse {
  readonly rule: SDLRule;
  readonly code: DiagnosticCode;
  readonly help: string;
  /** What the earlier places of the rule's error are, for rules that give several (a name and its repeat). */
  readonly related?: string;
  readonly schema?: SchemaUse;
}

/**
 * GraphQL's own SDL rules, each mapped to a Wesley code. The directive rules only ever see the
 * user's own directives: Wesley's vocabulary is checked by `readDirectives`, with better hints.
 */
const rules: readonly RuleUse[] = [
  { rule: LoneSchemaDefinitionRule as SDLRule, code: 'WES002', help: 'keep a single schema definition' },
  { rule: UniqueOperationTypesRule as SDLRule, code: 'WES002', help: 'define each operation type once', related: 'first defined here' },
  { rule: UniqueEnumValueNamesRule as SDLRule, code: 'WES002', help: 'remove the repeated enum value', related: 'first defined here' },
  {
    rule: UniqueFieldDefinitionNamesRule as SDLRule,
    code: 'WES002',
    help: 'remove or rename one of the fields',
    related: 'first defined here',
  },
  {
    rule: UniqueArgumentDefinitionNamesRule as SDLRule,
    code: 'WES002',
    help: 'remove the repeated argument',
    related: 'also defined here',
  },
  {
    rule: UniqueDirectiveNamesRule as SDLRule,
    code: 'WES002',
    help: 'remove the repeated directive definition',
    related: 'first defined here',
  },
  {
    rule: PossibleTypeExtensionsRule as SDLRule,
    code: 'WES002',
    help: 'extend a type that is defined, with the same kind',
    related: 'the type is defined here',
  },
  {
    rule: KnownTypeNamesRule as SDLRule,
    code: 'WES010',
    help: 'use a built-in scalar (ID, UUID, String, Int, BigInt, Float, Decimal, Boolean, DateTime, Date, Time, JSON), define the type, or map a custom scalar in the config',
  },
  { rule: KnownDirectivesRule as SDLRule, code: 'WES007', help: 'move the directive to a location its definition allows' },
  {
    rule: KnownArgumentNamesOnDirectivesRule as SDLRule,
    code: 'WES004',
    help: 'use an argument the directive definition declares',
    schema: 'none',
  },
  { rule: ProvidedRequiredArgumentsOnDirectivesRule as SDLRule, code: 'WES005', help: 'pass the required argument', schema: 'none' },
  {
    rule: UniqueDirectivesPerLocationRule as SDLRule,
    code: 'WES008',
    help: 'remove the repeated directive or declare it `repeatable`',
    related: 'first given here',
  },
];

/** The rules that only look at directive uses and definitions. */
const directiveRules: ReadonlySet<SDLRule> = new Set<SDLRule>([
  KnownDirectivesRule as SDLRule,
  KnownArgumentNamesOnDirectivesRule as SDLRule,
  ProvidedRequiredArgumentsOnDirectivesRule as SDLRule,
  UniqueDirectivesPerLocationRule as SDLRule,
]);

/**
 * Runs GraphQL's SDL validation over `document` against a base schema that knows Wesley's
 * scalars. The rules see a skeleton of the document without Wesley's directives: those are
 * Wesley's to check (with better hints), and leaving them out makes validation a fraction of
 * the work. The user's declared directives stay and go through GraphQL's rules as usual.
 */
export function validateGraphQL(
  document: DocumentNode,
  scalars: readonly string[],
  userDirectives: ReadonlySet<string>,
  sink: DiagnosticSink,
): void {
  const base = new GraphQLSchema({ types: scalars.filter(notSpecified).map((name) => new GraphQLScalarType({ name })) });
  reportDuplicateTypes(document, sink);
  // Without uses of directives of their own, the rules about directives have nothing to check,
  // and the document needs no copy: the other rules never look at directives.
  const userUses = usesAny(document, userDirectives);
  const skeleton = userUses ? withoutWesleyDirectives(document, userDirectives) : withoutRepeatedTypes(document);
  const active = userUses ? rules : rules.filter(({ rule }) => !directiveRules.has(rule));
  const visitors = active.map(({ rule, code, help, related, schema }) =>
    rule({
      getDocument: () => skeleton,
      getSchema: () => (schema === 'none' ? undefined : base),
      reportError: (error) => {
        const [message, suggestion] = splitMessage(error.message);
        // For the "unique" rules the last node is the repeat, which is what the user should fix;
        // the nodes before it are the first definition (or, for a kind mismatch, the type extended).
        const nodes = error.nodes ?? [];
        const others = related === undefined ? [] : nodes.slice(0, -1).map((anchor) => ({ anchor, message: related }));
        sink.report(code, nodes.at(-1), message, suggestion === undefined ? help : `${suggestion} Otherwise: ${help}`, others);
      },
    }),
  );
  const parallel = visitInParallel(visitors);
  // With no user directives, no active rule looks inside a directive: skip those subtrees (most
  // of a Wesley schema's nodes are directive arguments).
  visit(skeleton, userUses ? parallel : { ...parallel, Directive: () => false });
}

/**
 * Shallow copies of the definitions, fields, arguments and values with only the user's
 * directives left (nodes keep `loc`), and without repeated type definitions: those are reported
 * once by {@link reportDuplicateTypes}, where GraphQL would also report each of their fields.
 */
function withoutWesleyDirectives(document: DocumentNode, userDirectives: ReadonlySet<string>): DocumentNode {
  type WithDirectives = { readonly directives?: readonly ConstDirectiveNode[] | readonly DirectiveNode[] };
  const keep = <T extends WithDirectives>(node: T): T =>
    node.directives === undefined || node.directives.length === 0
      ? node
      : { ...node, directives: node.directives.filter((d) => userDirectives.has(d.name.value)) };
  const keepField = (field: FieldDefinitionNode | InputValueDefinitionNode): typeof field =>
    'arguments' in field && field.arguments !== undefined && field.arguments.length > 0
      ? { ...keep(field), arguments: field.arguments.map(keep) }
      : keep(field);
  const definitions: DefinitionNode[] = [];
  for (const def of withoutRepeatedTypes(document).definitions) {
    const stripped = keep(def as WithDirectives) as DefinitionNode;
    if ('fields' in stripped && Array.isArray(stripped.fields)) {
      definitions.push({ ...stripped, fields: (stripped.fields as FieldDefinitionNode[]).map(keepField) } as DefinitionNode);
    } else if ('values' in stripped && Array.isArray(stripped.values)) {
      definitions.push({ ...stripped, values: (stripped.values as EnumValueDefinitionNode[]).map(keep) });
    } else {
      definitions.push(stripped);
    }
  }
  return { ...document, definitions };
}

/** `true` when a directive named in `names` is used anywhere in the document. */
function usesAny(document: DocumentNode, names: ReadonlySet<string>): boolean {
  type Node = { readonly directives?: readonly { readonly name: { readonly value: string } }[] };
  const hit = (node: Node): boolean => (node.directives ?? []).some((d) => names.has(d.name.value));
  return document.definitions.some((def) => {
    if (hit(def)) return true;
    const members = ('fields' in def ? def.fields : 'values' in def ? def.values : undefined) ?? [];
    return members.some((member) => hit(member) || ('arguments' in member && (member.arguments ?? []).some(hit)));
  });
}

/** The document without repeated type definitions (see {@link reportDuplicateTypes}). */
function withoutRepeatedTypes(document: DocumentNode): DocumentNode {
  const defined = new Set<string>();
  const definitions = document.definitions.filter((def) => {
    if (!isTypeDefinitionNode(def)) return true;
    if (defined.has(def.name.value)) return false;
    defined.add(def.name.value);
    return true;
  });
  return definitions.length === document.definitions.length ? document : { ...document, definitions };
}

/** WES002 at each repeated definition of a type (GraphQL's UniqueTypeNames, reported once). */
function reportDuplicateTypes(document: DocumentNode, sink: DiagnosticSink): void {
  const first = new Map<string, NameNode>();
  for (const def of document.definitions) {
    if (!isTypeDefinitionNode(def)) continue;
    const earlier = first.get(def.name.value);
    if (earlier !== undefined) {
      sink.report(
        'WES002',
        def.name,
        `there can be only one type named "${def.name.value}"`,
        'rename one of the types, or use `extend type` to add to it',
        [{ anchor: earlier, message: 'first defined here' }],
      );
    } else {
      first.set(def.name.value, def.name);
    }
  }
}

const specified = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const notSpecified = (name: string): boolean => !specified.has(name);

/** GraphQL's `Unknown type "Strin". Did you mean "String"?` -> Wesley's message and hint. */
function splitMessage(text: string): [string, string | undefined] {
  const at = text.indexOf(' Did you mean');
  const message = graphqlMessage(at === -1 ? text : text.slice(0, at));
  return [message, at === -1 ? undefined : `did you mean${text.slice(at + ' Did you mean'.length)}`];
}
