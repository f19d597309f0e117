import type { LintCatalog, LintTableFacts } from '@wesley/core/run';
import { quoteIdent } from '@wesley/core/run';
import { readTableSizes } from '../estimate/read-table-sizes.js';
import type { Queryable } from '../introspect/queryable.js';

/**
 * What the linter knows of the tables of the database `db` is connected to: every table and
 * partitioned table outside the system schemas (partitions too: a statement may name one), by
 * `schema.table` as the catalog stores the names, with its rows and bytes, partitions summed
 * (`readTableSizes`, which takes no lock that waits). A table the SQL names and the catalog does
 * not hold is judged as one holding rows.
 *
 * `readTableSizes` finds tables by the `search_path`, so each schema is read with the path set
 * to it alone, and the session's path is put back after. `db` must be an idle session.
 */
export async function readLintCatalog(db: Queryable): Promise<LintCatalog> {
  const { rows } = await db.query<{ schema: string; tables: string[]; path: string }>(
    `SELECT n.nspname::text AS schema, array_agg(c.relname::text ORDER BY c.relname) AS tables, current_setting('search_path') AS path
       FROM pg_catalog.pg_class AS c JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      GROUP BY n.nspname ORDER BY n.nspname`,
  );
  const tables = new Map<string, LintTableFacts>();
  const path = rows[0]?.path;
  try {
    for (const { schema, tables: names } of rows) {
      await db.query(`SELECT pg_catalog.set_config('search_path', $1, false)`, [quoteIdent(schema)]);
      for (const [name, size] of await readTableSizes(db, names)) {
        tables.set(`${schema}.${name}`, { rows: size.rows, bytes: size.tableBytes, partitioned: size.partitioned });
      }
    }
  } finally {
    if (path !== undefined) await db.query(`SELECT pg_catalog.set_config('search_path', $1, false)`, [path]);
  }
  return { tables };
}
