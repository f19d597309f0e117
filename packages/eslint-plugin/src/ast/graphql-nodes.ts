import type { AST, SourceCode } from 'eslint';

/**
 * The parts of `@graphql-eslint/eslint-plugin`'s ESTree form of a GraphQL document the rules
 * read. Each node is graphql-js's node plus ESLint's `loc` (1-based lines, 0-based columns) and
 * `range`; a node's GraphQL `type` is moved to `gqlType`, as ESTree's `type` is the node kind.
 */
export interface GraphQLNode {
  readonly type: string;
  readonly loc: AST.SourceLocation;
  readonly range: AST.Range;
}

export interface NameNode extends GraphQLNode {
  readonly value: string;
}

export interface DirectiveNode extends GraphQLNode {
  readonly name: NameNode;
  readonly arguments?: readonly { readonly name: NameNode }[];
}

export interface TypeNode extends GraphQLNode {
  /** `NamedType`'s name; absent on `ListType` and `NonNullType`. */
  readonly name?: NameNode;
  /** The wrapped type of a `ListType` or `NonNullType`. */
  readonly gqlType?: TypeNode;
}

export interface FieldNode extends GraphQLNode {
  readonly name: NameNode;
  readonly gqlType: TypeNode;
  readonly directives?: readonly DirectiveNode[];
}

/** An object or interface type, a definition or an extension. */
export interface ObjectNode extends GraphQLNode {
  readonly name: NameNode;
  readonly fields?: readonly FieldNode[];
  readonly directives?: readonly DirectiveNode[];
}

const objectKinds = new Set(['ObjectTypeDefinition', 'ObjectTypeExtension', 'InterfaceTypeDefinition', 'InterfaceTypeExtension']);

/** Every object and interface type (definitions and `extend type`s) of the linted file. */
export function objectNodes(sourceCode: SourceCode): ObjectNode[] {
  // graphql-eslint's root is a `Program` whose body is the one `Document`.
  const documents = (sourceCode.ast as unknown as { body: readonly { definitions?: readonly GraphQLNode[] }[] }).body;
  return documents.flatMap((document) => document.definitions ?? []).filter((d): d is ObjectNode => objectKinds.has(d.type));
}

/** The field `fieldName` of type `typeName` in the linted file (wherever `extend type` puts it), if it is there. */
export function fieldNode(sourceCode: SourceCode, typeName: string, fieldName: string): FieldNode | undefined {
  for (const object of objectNodes(sourceCode)) {
    if (object.name.value !== typeName) continue;
    const field = object.fields?.find((f) => f.name.value === fieldName);
    if (field !== undefined) return field;
  }
  return undefined;
}

/** The type a field's values are, through its lists and `!`: `[Order!]!` -> `Order`. */
export function namedType(type: TypeNode): string {
  let node = type;
  while (node.name === undefined && node.gqlType !== undefined) node = node.gqlType;
  return node.name?.value ?? '';
}
