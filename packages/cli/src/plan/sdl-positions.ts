import { resolveSpelling, type SchemaSource, type SourcePosition } from '@wesley/core';
import { Kind, parse, Source, type ConstDirectiveNode, type DefinitionNode, type NameNode } from 'graphql';

/** Where the types, fields and enum values of some SDL files are declared. */
export interface SdlPositions {
  /** The name of `type <name>` (or `enum <name>`); an `extend` only when there is no definition. */
  type(name: string): SourcePosition | null;
  /** The name of a field of type `owner`, or a value of enum `owner`, in its definition or any extension. */
  member(owner: string, name: string): SourcePosition | null;
  /** The first directive on type `owner` (any spelling of the canonical `name`, e.g. `wes_tenant`), in its definition or an extension. */
  directive(owner: string, name: string): SourcePosition | null;
}

/**
 * Indexes the declarations of `sources` by GraphQL name. The sources compiled already, so they
 * parse; one that does not (never expected) simply contributes nothing. The first declaration
 * wins, in source order, as in the compiler's diagnostics. The sources are parsed (again) on the
 * first question only: positions serve diagnostics, and most plans have none, where parsing a
 * 1,000-table schema a second time cost a tenth of `wesley plan`.
 */
export function sdlPositions(sources: readonly SchemaSource[]): SdlPositions {
  let index: SdlPositions | undefined;
  return {
    type: (name) => (index ??= indexPositions(sources)).type(name),
    member: (owner, name) => (index ??= indexPositions(sources)).member(owner, name),
    directive: (owner, name) => (index ??= indexPositions(sources)).directive(owner, name),
  };
}

function indexPositions(sources: readonly SchemaSource[]): SdlPositions {
  const types = new Map<string, SourcePosition>();
  const extensions = new Map<string, SourcePosition>();
  const members = new Map<string, SourcePosition>();
  const directives = new Map<string, SourcePosition>();
  const remember = (map: Map<string, SourcePosition>, key: string, node: NameNode | ConstDirectiveNode, file: string) => {
    const token = node.loc?.startToken;
    if (token !== undefined && !map.has(key)) map.set(key, { file, line: token.line, column: token.column });
  };
  for (const source of sources) {
    for (const definition of definitions(source)) {
      switch (definition.kind) {
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.OBJECT_TYPE_EXTENSION:
        case Kind.ENUM_TYPE_DEFINITION:
        case Kind.ENUM_TYPE_EXTENSION: {
          const type = definition.name.value;
          const extension = definition.kind === Kind.OBJECT_TYPE_EXTENSION || definition.kind === Kind.ENUM_TYPE_EXTENSION;
          remember(extension ? extensions : types, type, definition.name, source.name);
          const object = definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION;
          const children = object ? definition.fields : definition.values;
          for (const child of children ?? []) remember(members, `${type}.${child.name.value}`, child.name, source.name);
          for (const directive of definition.directives ?? []) {
            const canonical = resolveSpelling(directive.name.value)?.canonical;
            if (canonical !== undefined) remember(directives, `${type}@${canonical}`, directive, source.name);
          }
          break;
        }
        default:
          break;
      }
    }
  }
  return {
    type: (name) => types.get(name) ?? extensions.get(name) ?? null,
    member: (owner, name) => members.get(`${owner}.${name}`) ?? null,
    directive: (owner, name) => directives.get(`${owner}@${name}`) ?? null,
  };
}

function definitions(source: SchemaSource): readonly DefinitionNode[] {
  try {
    return parse(new Source(source.body, source.name)).definitions;
  } catch {
    return [];
  }
}
