import type { ColumnIR } from '../ir/types.js';
import { literalSql } from './literal-sql.js';

/**
 * The SQL after `DEFAULT` for a column (`'pending'`, `0`, `now()`), or `null` when the column
 * has no default. Expressions are trusted SQL and emitted verbatim; literals are quoted for the
 * column's type by {@link literalSql}. Shared by `CREATE TABLE` and `ALTER COLUMN ... SET DEFAULT`.
 */
export function defaultSql(column: ColumnIR): string | null {
  const value = column.default;
  if (value === null) return null;
  return value.kind === 'literal' ? literalSql(value.value, column.type) : value.sql;
}
