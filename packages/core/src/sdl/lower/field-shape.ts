import { Kind, type NamedTypeNode, type TypeNode } from 'graphql';

/** A field's GraphQL type, unwrapped: `[String!]!` -> named String, list, nonNull. */
export interface FieldShape {
  readonly named: NamedTypeNode;
  readonly nonNull: boolean;
  readonly list: boolean;
  /** `[[T]]`: a list of lists, which has no column type. */
  readonly nestedList: boolean;
}

export function fieldShape(type: TypeNode): FieldShape {
  const nonNull = type.kind === Kind.NON_NULL_TYPE;
  let inner: TypeNode = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  let depth = 0;
  while (inner.kind !== Kind.NAMED_TYPE) {
    if (inner.kind === Kind.LIST_TYPE) depth += 1;
    inner = inner.type;
  }
  return { named: inner, nonNull, list: depth > 0, nestedList: depth > 1 };
}
