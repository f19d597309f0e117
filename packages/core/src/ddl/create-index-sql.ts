import { quoteIdent } from '../naming/quote-ident.js';
import type { IndexIR, TableIR } from '../ir/types.js';
import { columnListSql } from './column-list-sql.js';

/**
 * `CREATE [UNIQUE] INDEX name ON t [USING method] (cols) [WHERE pred];`. `USING btree` is left
 * out since it is the default. On a partitioned table this creates the index on every partition,
 * which is right for a fresh database (the planner uses `ON ONLY` + attach for live ones).
 */
export function createIndexSql(table: TableIR, index: IndexIR): string {
  const parts = [index.unique ? 'CREATE UNIQUE INDEX' : 'CREATE INDEX', quoteIdent(index.name)];
  parts.push('ON', quoteIdent(table.name));
  if (index.using !== '' && index.using !== 'btree') parts.push('USING', quoteIdent(index.using));
  parts.push(columnListSql(index.columns));
  if (index.where !== null) parts.push('WHERE', index.where);
  return `${parts.join(' ')};`;
}
