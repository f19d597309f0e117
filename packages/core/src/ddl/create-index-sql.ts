import { quoteIdent } from '../naming/quote-ident.js';
import type { IndexIR, TableIR } from '../ir/types.js';
import { columnListSql } from './column-list-sql.js';

/** How an index is built: `CONCURRENTLY`, or `ON ONLY` a partitioned parent. */
export interface IndexBuildOptions {
  readonly concurrently?: boolean;
  readonly only?: boolean;
  /** Build it under this name instead of `index.name` (a replacement built beside the old one). */
  readonly name?: string;
}

/**
 * `CREATE [UNIQUE] INDEX name ON t [USING method] (cols) [WHERE pred];`. `USING btree` is left
 * out since it is the default. On a partitioned table this creates the index on every partition,
 * which is right for a fresh database (the planner uses `ON ONLY` + attach for live ones).
 */
export function createIndexSql(table: TableIR, index: IndexIR): string {
  return createIndexStatement(table.name, index);
}

/** {@link createIndexSql} by table name, with the planner's build options. */
export function createIndexStatement(table: string, index: IndexIR, options: IndexBuildOptions = {}): string {
  const parts = [index.unique ? 'CREATE UNIQUE INDEX' : 'CREATE INDEX'];
  if (options.concurrently === true) parts.push('CONCURRENTLY');
  parts.push(quoteIdent(options.name ?? index.name), 'ON');
  if (options.only === true) parts.push('ONLY');
  parts.push(quoteIdent(table));
  if (index.using !== '' && index.using !== 'btree') parts.push('USING', quoteIdent(index.using));
  parts.push(columnListSql(index.columns));
  if (index.where !== null) parts.push('WHERE', index.where);
  return `${parts.join(' ')};`;
}
