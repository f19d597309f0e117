import type { SchemaIR } from '../ir/types.js';
import { typeName } from './ts-syntax.js';

/** Each enum's PostgreSQL name mapped to its generated TypeScript name (from `graphqlName`). */
export function enumTypeNames(ir: SchemaIR): ReadonlyMap<string, string> {
  return new Map(ir.enums.map((e) => [e.name, typeName(e.graphqlName)]));
}
