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
 * With what each materialized view reads (`views`): its refresh takes ACCESS SHARE on each; and
 * the session's effective `search_path` (`searchPath`), by which the linter finds unqualified names.
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
  // The schemas unqualified names are looked up in, as the server resolves them for this role now ("$user" expanded, missing schemas left out).
  const searchPath = await db.query<{ schemas: string[] }>(`SELECT pg_catalog.current_schemas(false)::text[] AS schemas`);
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
  return { tables, views: await readViewReads(db), searchPath: searchPath.rows[0]?.schemas ?? ['public'] };
}

/**
 * What each materialized view's query reads, from the dependencies of its rewrite rule
 * (`pg_depend` on `pg_rewrite`): the relations it names, and for a view among them what that
 * view's rule names in turn (a view is expanded, and locked, when the query is planned).
 */
async function readViewReads(db: Queryable): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ view: string; relation: string }>(
    `WITH RECURSIVE named(view, relation) AS (
       SELECT r.ev_class, d.refobjid FROM pg_catalog.pg_rewrite AS r
         JOIN pg_catalog.pg_class AS v ON v.oid = r.ev_class AND v.relkind = 'm'
         JOIN pg_catalog.pg_depend AS d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
          AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> r.ev_class
       UNION
       SELECT named.view, d.refobjid FROM named
         JOIN pg_catalog.pg_class AS c ON c.oid = named.relation AND c.relkind = 'v'
         JOIN pg_catalog.pg_rewrite AS r ON r.ev_class = c.oid
         JOIN pg_catalog.pg_depend AS d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
          AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> r.ev_class
     )
     SELECT DISTINCT vn.nspname || '.' || v.relname AS view, tn.nspname || '.' || t.relname AS relation
       FROM named JOIN pg_catalog.pg_class AS v ON v.oid = named.view JOIN pg_catalog.pg_namespace AS vn ON vn.oid = v.relnamespace
       JOIN pg_catalog.pg_class AS t ON t.oid = named.relation JOIN pg_catalog.pg_namespace AS tn ON tn.oid = t.relnamespace
      WHERE t.relkind IN ('r', 'p', 'm', 'v', 'f')
      ORDER BY 1, 2`,
  );
  const views = new Map<string, string[]>();
  for (const { view, relation } of rows) views.set(view, [...(views.get(view) ?? []), relation]);
  return views;
}
