import type { Queryable } from '@wesley/postgres';

interface ChildRow {
  readonly parent: string;
  readonly child: string;
  readonly buildable: boolean;
}

/**
 * The partitions of each partitioned table of `schema`, by parent, sorted: the planner builds
 * an index on such a table partition by partition (`CREATE INDEX CONCURRENTLY` on each, then
 * `ATTACH PARTITION`). A parent with a partition that cannot be built that way (itself
 * partitioned, or in another schema, which the planner's unqualified names would miss) is left
 * out: the planner then falls back to one `CREATE INDEX` on the parent, slower but complete.
 */
export async function readPartitionChildren(db: Queryable, schema: string): Promise<Map<string, string[]>> {
  const { rows } = await db.query<ChildRow>(
    `SELECT parent.relname::text AS parent,
            child.relname::text AS child,
            child.relkind <> 'p' AND child.relnamespace = parent.relnamespace AS buildable
       FROM pg_catalog.pg_inherits i
       JOIN pg_catalog.pg_class parent ON parent.oid = i.inhparent
       JOIN pg_catalog.pg_class child ON child.oid = i.inhrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = parent.relnamespace
      WHERE n.nspname = $1 AND parent.relkind = 'p'
      ORDER BY parent.relname COLLATE "C", child.relname COLLATE "C"`,
    [schema],
  );
  const unbuildable = new Set(rows.filter((row) => !row.buildable).map((row) => row.parent));
  const children = new Map<string, string[]>();
  for (const row of rows) {
    if (unbuildable.has(row.parent)) continue;
    children.set(row.parent, [...(children.get(row.parent) ?? []), row.child]);
  }
  return children;
}
