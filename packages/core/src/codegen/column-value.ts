import type { ColumnIR } from '../ir/types.js';
import type { SharedPattern } from './decimal-pattern.js';
import { scalarType } from './scalar-type.js';
import { applyRules } from './value-rules.js';

/** A column's value as TypeScript and Zod, before nullability and optionality. */
export interface ColumnValue {
  /** TypeScript type (`string`, `OrderStatus[]`, `('a' | 'b')[]`). */
  readonly ts: string;
  /** Zod expression (`z.guid()`, `z.array(OrderStatusSchema)`). */
  readonly zod: string;
  /** A shared pattern `zod` refers to by name, or `null`. */
  readonly pattern: SharedPattern | null;
}

/**
 * The value of `column`: its element type with value rules applied, as a list for `T[]`
 * columns. List elements are non-null (`T[]`, not `(T | null)[]`): Wesley's list fields are
 * `[T!]`, and PostgreSQL cannot declare non-null elements, so the generated types state what
 * Wesley writes. `enumNames` maps enum PostgreSQL names to their generated names.
 */
export function columnValue(column: ColumnIR, enumNames: ReadonlyMap<string, string>): ColumnValue {
  const enumName = column.type.enum === null ? null : (enumNames.get(column.type.enum) ?? null);
  const element = applyRules(scalarType(column.type, enumName), column.meta.rules);
  if (!column.type.array) return element;
  return {
    ts: element.union ? `(${element.ts})[]` : `${element.ts}[]`,
    zod: `z.array(${element.zod})`,
    pattern: element.pattern,
  };
}
