import { quoteIdent } from '../naming/quote-ident.js';
import type { ColumnIR } from '../ir/types.js';
import { defaultSql } from './default-sql.js';

/**
 * One column definition, as in `CREATE TABLE` or `ALTER TABLE ... ADD COLUMN`:
 * `name type [GENERATED ALWAYS AS (expr) STORED] [DEFAULT x] [NOT NULL]`.
 */
export function columnDefinitionSql(column: ColumnIR): string {
  const parts = [quoteIdent(column.name), column.type.sql];
  if (column.generated !== null) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  const fallback = defaultSql(column);
  if (fallback !== null) parts.push(`DEFAULT ${fallback}`);
  if (!column.nullable) parts.push('NOT NULL');
  return parts.join(' ');
}
