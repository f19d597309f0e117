import type { ColumnIR } from '../ir/types.js';

/**
 * How a column appears in the insert type and schema: `omitted` for generated columns
 * (PostgreSQL rejects a value for `GENERATED ALWAYS` columns) and derived ones (their triggers
 * write them: a value given would be wrong until the next change of a child row), `optional` for columns with a
 * default or that accept NULL (an omitted nullable column is NULL), `required` otherwise.
 */
export type InsertMode = 'required' | 'optional' | 'omitted';

export function insertMode(column: ColumnIR): InsertMode {
  if (column.generated !== null || column.derived !== null) return 'omitted';
  return column.nullable || column.default !== null ? 'optional' : 'required';
}
