import { quoteIdent } from '@wesley/core/run';
import type { Queryable } from '../introspect/queryable.js';

/** How big a table is now, partitions summed: what a step on it will scan, rewrite or index. */
export interface TableSize {
  readonly kind: 'table-size';
  /** The table as it was asked for (a plan's unqualified name, found in the `search_path`). */
  readonly table: string;
  /** Estimated live rows (see {@link readTableSizes} for where the figure comes from). */
  readonly rows: number;
  /** Heap, TOAST and their maps (`pg_table_size`), in bytes. */
  readonly tableBytes: number;
  /** Every index on the table (`pg_indexes_size`), in bytes. */
  readonly indexBytes: number;
  /** Its indexes, by name, with their size in bytes; on a partitioned table the partitions' indexes are in `indexBytes` only. */
  readonly indexes: readonly { readonly name: string; readonly bytes: number }[];
  readonly partitioned: boolean;
  /** Partitions (sub-partitions too, and inheritance children) whose sizes are summed in. */
  readonly partitions: number;
  /**
   * `false` when a relation of the tree was held or awaited in ACCESS EXCLUSIVE mode by another
   * session: its sizes were then read from `pg_class.relpages` (as of its last VACUUM or ANALYZE)
   * rather than from its files, which would have meant queueing for a lock behind that session.
   */
  readonly exact: boolean;
}

interface SizeRow {
  readonly table: string;
  readonly rows: number;
  readonly table_bytes: string;
  readonly index_bytes: string;
  readonly indexes: { readonly name: string; readonly bytes: number }[];
  readonly partitioned: boolean;
  readonly partitions: number;
  readonly exact: boolean;
}

/**
 * Reads the size of each of `tables` (unqualified names, looked up in the `search_path` as a plan
 * names them), each partition and inheritance child summed into its parent. Tables that do not
 * exist are absent from the map.
 *
 * Rows are estimated as PostgreSQL's planner does: `pg_class.reltuples / relpages` (the density
 * the last VACUUM or ANALYZE saw) times the pages the table has now, so rows added since are
 * counted; a table never vacuumed or analysed (`reltuples` -1, or no pages then) counts
 * `pg_stat_user_tables.n_live_tup` instead.
 *
 * Partitions are found by walking `pg_inherits`, not with `pg_partition_tree`, which locks every
 * partition. Names are resolved with `to_regclass` (no lock). Reading a file's size
 * (`pg_relation_size`) takes ACCESS SHARE on the relation, so a relation another session holds or
 * awaits in ACCESS EXCLUSIVE mode is measured from `pg_class.relpages` instead (`exact: false`),
 * and the whole read runs under a 100 ms `lock_timeout`, read again from the catalog alone if that
 * ends it: nothing waits in a lock queue for a size. `db` must be an idle session (the read is a
 * transaction of its own).
 */
export async function readTableSizes(db: Queryable, tables: readonly string[]): Promise<Map<string, TableSize>> {
  const names = [...new Set(tables)];
  if (names.length === 0) return new Map();
  let rows: SizeRow[];
  await db.query('BEGIN READ ONLY');
  try {
    await db.query(`SET LOCAL lock_timeout = '100ms'`);
    rows = await querySizes(db, names, false);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    if ((error as { code?: unknown }).code !== '55P03') throw error;
    rows = await querySizes(db, names, true);
  }
  return new Map(
    rows.map((row) => [
      row.table,
      {
        kind: 'table-size',
        table: row.table,
        rows: Math.round(row.rows),
        tableBytes: Number(row.table_bytes),
        indexBytes: Number(row.index_bytes),
        indexes: row.indexes.map(({ name, bytes }) => ({ name, bytes: Number(bytes) })),
        partitioned: row.partitioned,
        partitions: row.partitions,
        exact: row.exact,
      },
    ]),
  );
}

/** One read of every table's tree; `catalogOnly` measures every relation from `pg_class` (no lock at all). */
async function querySizes(db: Queryable, names: readonly string[], catalogOnly: boolean): Promise<SizeRow[]> {
  const { rows } = await db.query<SizeRow>(
    `WITH RECURSIVE asked AS (
       SELECT t.name, to_regclass(t.quoted) AS relid
       FROM unnest($1::text[], $2::text[]) AS t(name, quoted)
     ), tree AS (
       SELECT name, relid, relid AS root FROM asked WHERE relid IS NOT NULL
       UNION ALL
       SELECT tree.name, i.inhrelid::regclass, tree.root FROM tree JOIN pg_catalog.pg_inherits AS i ON i.inhparent = tree.relid
     ), member AS (
       SELECT tree.name, tree.root, c.oid, c.relkind, c.relpages, c.reltuples, c.reltoastrelid,
              (SELECT count(*) FROM pg_catalog.pg_locks AS l
                WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.pid <> pg_backend_pid()
                  AND (l.relation = c.oid OR l.relation = c.reltoastrelid
                       OR l.relation IN (SELECT x.indexrelid FROM pg_catalog.pg_index AS x WHERE x.indrelid = c.oid))) = 0
              AND NOT $3::boolean AS measurable
       FROM tree JOIN pg_catalog.pg_class AS c ON c.oid = tree.relid
     ), sized AS (
       SELECT member.*,
              CASE WHEN measurable THEN pg_catalog.pg_relation_size(oid)
                   ELSE relpages::bigint * current_setting('block_size')::bigint END AS heap_bytes,
              CASE WHEN measurable THEN pg_catalog.pg_table_size(oid)
                   ELSE (relpages::bigint + coalesce((SELECT t.relpages FROM pg_catalog.pg_class AS t WHERE t.oid = reltoastrelid), 0))
                        * current_setting('block_size')::bigint END AS table_bytes,
              (SELECT coalesce(sum(CASE WHEN measurable THEN pg_catalog.pg_relation_size(x.indexrelid)
                                        ELSE ic.relpages::bigint * current_setting('block_size')::bigint END), 0)
                 FROM pg_catalog.pg_index AS x JOIN pg_catalog.pg_class AS ic ON ic.oid = x.indexrelid
                WHERE x.indrelid = member.oid) AS index_bytes
       FROM member
     )
     SELECT s.name AS table,
            sum(CASE WHEN s.relkind = 'p' THEN 0
                     WHEN s.reltuples >= 0 AND s.relpages > 0
                       THEN s.reltuples / s.relpages * (s.heap_bytes / current_setting('block_size')::bigint)
                     ELSE pg_catalog.pg_stat_get_live_tuples(s.oid) END)::float8 AS rows,
            sum(s.table_bytes)::text AS table_bytes,
            sum(s.index_bytes)::text AS index_bytes,
            coalesce((SELECT json_agg(json_build_object('name', ic.relname, 'bytes',
                               CASE WHEN root.measurable THEN pg_catalog.pg_relation_size(x.indexrelid)
                                    ELSE ic.relpages::bigint * current_setting('block_size')::bigint END) ORDER BY ic.relname)
                        FROM member AS root
                        JOIN pg_catalog.pg_index AS x ON x.indrelid = root.oid
                        JOIN pg_catalog.pg_class AS ic ON ic.oid = x.indexrelid
                       WHERE root.oid = s.root AND root.name = s.name), '[]'::json) AS indexes,
            bool_or(s.oid = s.root AND s.relkind = 'p') AS partitioned,
            (count(*) - 1)::int AS partitions,
            bool_and(s.measurable) AS exact
     FROM sized AS s
     GROUP BY s.name, s.root`,
    [names, names.map(quoteIdent), catalogOnly],
  );
  return rows;
}
