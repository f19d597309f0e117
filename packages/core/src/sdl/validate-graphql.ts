import {
  DirectiveLocation,
  GraphQLDirective,
  GraphQLError,
  Kind,
  specifiedDirectives,
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
  UniqueTypeNamesRule,
  visit,
  visitInParallel,
  type ASTNode,
  type ASTVisitor,
  type ConstDirectiveNode,
  type DocumentNode,
} from 'graphql';
// The SDL flavours of these two rules are not re-exported from the package root.
import { KnownArgumentNamesOnDirectivesRule } from 'graphql/validation/rules/KnownArgumentNamesRule.js';
import { ProvidedRequiredArgumentsOnDirectivesRule } from 'graphql/validation/rules/ProvidedRequiredArgumentsRule.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { DiagnosticSink } from './diagnostic-sink.js';

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

/**
 * GraphQL's own SDL rules, each mapped to a Wesley code. The directive rules only ever see the
 * user's own directives: Wesley's vocabulary is checked by `readDirectives`, with better hints.
 */
const rules: ReadonlyArray<readonly [SDLRule, DiagnosticCode, string, SchemaUse?]> = [
  [LoneSchemaDefinitionRule as SDLRule, 'WES002', 'keep a single schema definition'],
  [UniqueOperationTypesRule as SDLRule, 'WES002', 'define each operation type once'],
  [UniqueTypeNamesRule as SDLRule, 'WES002', 'rename one of the types, or use `extend type` to add to it'],
  [UniqueEnumValueNamesRule as SDLRule, 'WES002', 'remove the repeated enum value'],
  [UniqueFieldDefinitionNamesRule as SDLRule, 'WES002', 'remove or rename one of the fields'],
  [UniqueArgumentDefinitionNamesRule as SDLRule, 'WES002', 'remove the repeated argument'],
  [UniqueDirectiveNamesRule as SDLRule, 'WES002', 'remove the repeated directive definition'],
  [PossibleTypeExtensionsRule as SDLRule, 'WES002', 'extend a type that is defined, with the same kind'],
  [
    KnownTypeNamesRule as SDLRule,
    'WES010',
    'use a built-in scalar (ID, UUID, String, Int, BigInt, Float, Decimal, Boolean, DateTime, Date, Time, JSON), define the type, or map a custom scalar in the config',
  ],
  [KnownDirectivesRule as SDLRule, 'WES007', 'move the directive to a location its definition allows'],
  [KnownArgumentNamesOnDirectivesRule as SDLRule, 'WES004', 'use an argument the directive definition declares', 'none'],
  [ProvidedRequiredArgumentsOnDirectivesRule as SDLRule, 'WES005', 'pass the required argument', 'none'],
  [UniqueDirectivesPerLocationRule as SDLRule, 'WES008', 'remove the repeated directive or declare it `repeatable`'],
];

/**
 * Runs GraphQL's SDL validation over `document` against a base schema that knows Wesley's
 * scalars. Errors about Wesley's own directives are dropped (those are Wesley's to check); the
 * user's declared directives go through GraphQL's rules as usual.
 */
export function validateGraphQL(
  document: DocumentNode,
  scalars: readonly string[],
  userDirectives: ReadonlySet<string>,
  sink: DiagnosticSink,
): void {
  const wesleyNodes = directiveNodesNotIn(document, userDirectives);
  const base = baseSchema(scalars, undeclaredDirectiveNames(document, wesleyNodes));
  const visitors = rules.map(([rule, code, help, schemaUse]) =>
    rule({
      getDocument: () => document,
      getSchema: () => (schemaUse === 'none' ? undefined : base),
      reportError: (error) => {
        const node = error.nodes?.[0];
        if (node !== undefined && wesleyNodes.has(node)) return;
        const [message, suggestion] = splitMessage(error.message);
        sink.report(code, node, message, suggestion === undefined ? help : `${suggestion} Otherwise: ${help}`);
      },
    }),
  );
  visit(document, visitInParallel(visitors));
}

/** Directive uses (and their arguments) whose name the user did not declare. */
function directiveNodesNotIn(document: DocumentNode, userDirectives: ReadonlySet<string>): Set<ASTNode> {
  const nodes = new Set<ASTNode>();
  const add = (directives: readonly ConstDirectiveNode[] | undefined): void => {
    for (const d of directives ?? []) {
      if (userDirectives.has(d.name.value)) continue;
      nodes.add(d);
      for (const arg of d.arguments ?? []) nodes.add(arg);
    }
  };
  for (const def of document.definitions) {
    if (!('directives' in def)) continue;
    add(def.directives as readonly ConstDirectiveNode[] | undefined);
    if ('fields' in def) for (const field of def.fields ?? []) add(field.directives);
    if ('values' in def) for (const value of def.values ?? []) add(value.directives);
  }
  return nodes;
}
/**
 * Scalars plus every non-user directive name used, declared repeatable everywhere, so GraphQL's
 * rules raise nothing about them (creating an error per use would also cost a source scan each).
 */
function baseSchema(scalars: readonly string[], directives: ReadonlySet<string>): GraphQLSchema {
  return new GraphQLSchema({
    types: scalars.filter(notSpecified).map((name) => new GraphQLScalarType({ name })),
    directives: [
      ...specifiedDirectives,
      ...[...directives].filter((name) => !specifiedNames.has(name)).map((name) => new GraphQLDirective({ name, locations: allLocations, isRepeatable: true })),
    ],
  });
}

const specifiedNames = new Set(specifiedDirectives.map((d) => d.name));
const allLocations = Object.values(DirectiveLocation);

/** Names of non-user directives used in the document and not declared by it. */
function undeclaredDirectiveNames(document: DocumentNode, uses: ReadonlySet<ASTNode>): Set<string> {
  const declared = new Set(document.definitions.flatMap((d) => (d.kind === Kind.DIRECTIVE_DEFINITION ? [d.name.value] : [])));
  const names = new Set<string>();
  for (const node of uses) {
    if (node.kind === Kind.DIRECTIVE && !declared.has(node.name.value)) names.add(node.name.value);
  }
  return names;
}

const specified = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const notSpecified = (name: string): boolean => !specified.has(name);

/** GraphQL's `Unknown type "Strin". Did you mean "String"?` -> Wesley's message and hint style. */
function splitMessage(text: string): [string, string | undefined] {
  const at = text.indexOf(' Did you mean');
  const head = at === -1 ? text : text.slice(0, at);
  const message = head.replace(/\.$/, '');
  return [message.charAt(0).toLowerCase() + message.slice(1), at === -1 ? undefined : `did you mean${text.slice(at + ' Did you mean'.length)}`];
}
