import type { Queryable } from './queryable.js';

/** Shared filter: ordinary and partitioned tables of the schema, partitions left out (they belong to their parent). */
export const tableFilter = `n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition`;

/** Names of the tables of `schema`. */
export async function readTableNames(db: Queryable, schema: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname::text AS name
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE ${tableFilter}`,
    [schema],
  );
  return rows.map((row) => row.name);
}
