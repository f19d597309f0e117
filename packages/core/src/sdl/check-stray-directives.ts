import { Kind, type ConstDirectiveNode, type DefinitionNode, type DocumentNode } from 'graphql';
import type { DiagnosticSink } from './diagnostic-sink.js';
import { reportUnknown } from './read-directives.js';
import { resolveSpelling } from './vocabulary/index.js';

/** What each kind of definition is called in a message. */
const kindNames: Partial<Record<Kind, string>> = {
  [Kind.ENUM_TYPE_DEFINITION]: 'an enum',
  [Kind.ENUM_TYPE_EXTENSION]: 'an enum',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'an input type',
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: 'an input type',
  [Kind.SCALAR_TYPE_DEFINITION]: 'a scalar',
  [Kind.SCALAR_TYPE_EXTENSION]: 'a scalar',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'an interface',
  [Kind.INTERFACE_TYPE_EXTENSION]: 'an interface',
  [Kind.UNION_TYPE_DEFINITION]: 'a union',
  [Kind.UNION_TYPE_EXTENSION]: 'a union',
  [Kind.SCHEMA_DEFINITION]: 'the schema definition',
  [Kind.SCHEMA_EXTENSION]: 'the schema definition',
};

/**
 * Directives outside object types and their fields (enums, enum values, inputs, scalars,
 * interfaces, unions, field arguments): Wesley gives none of its directives a meaning there, so
 * a Wesley directive is misplaced (WES007) and an undeclared one unknown (WES003). The user's
 * own directives are left to GraphQL's rules.
 */
export function checkStrayDirectives(document: DocumentNode, userDirectives: ReadonlySet<string>, sink: DiagnosticSink): void {
  const check = (directives: readonly ConstDirectiveNode[] | undefined, where: string): void => {
    for (const node of directives ?? []) {
      const name = node.name.value;
      if (userDirectives.has(name)) continue;
      const spelling = resolveSpelling(name);
      if (spelling === null) reportUnknown(node, sink);
      else
        sink.report(
          'WES007',
          node,
          `@${name} has no meaning on ${where}`,
          `@${spelling.canonical} belongs on a @wes_table type or its fields`,
        );
    }
  };
  for (const def of document.definitions) {
    const kind = kindNames[def.kind];
    if (kind !== undefined) {
      check(directivesOf(def), kind);
      for (const member of membersOf(def)) check(member.directives, `${kind.replace(/^an? |^the /, 'a ')} member`);
    }
    if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.OBJECT_TYPE_EXTENSION ||
      def.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      def.kind === Kind.INTERFACE_TYPE_EXTENSION
    ) {
      for (const field of def.fields ?? []) {
        for (const arg of field.arguments ?? []) check(arg.directives, 'a field argument');
      }
    }
  }
}

function directivesOf(def: DefinitionNode): readonly ConstDirectiveNode[] | undefined {
  return 'directives' in def ? (def.directives as readonly ConstDirectiveNode[] | undefined) : undefined;
}

/** Enum values, input fields and interface fields: the members that can carry directives. */
function membersOf(def: DefinitionNode): ReadonlyArray<{ readonly directives?: readonly ConstDirectiveNode[] }> {
  if ('values' in def) return def.values ?? [];
  if ('fields' in def) return def.fields ?? [];
  return [];
}
