import { attributeQuery, quoteIdent, type UsageCatalog, type UsageSnapshot } from '@wesley/core/run';
import { displayQuery } from '../execute/wait-for-lock-holders.js';
import type { Queryable } from '../introspect/queryable.js';
import { UsageUnavailableError } from './usage-unavailable-error.js';

/** Schemas whose tables are the server's or Wesley's own, never a user's. */
const ownSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'wesley') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;

/** The text `pg_stat_statements` shows a role without `pg_read_all_stats` for another role's statement. */
export const hiddenText = '<insufficient privilege>';

const hiddenAttribution = {
  kind: 'unattributed',
  reason: "its text is hidden from this role: grant it pg_read_all_stats to read other roles' queries",
} as const;

/** A snapshot of the database's usage, and the catalog its queries were attributed against. */
export interface UsageRead {
  readonly snapshot: UsageSnapshot;
  readonly catalog: UsageCatalog;
}

/**
 * Reads the current database's usage statistics: `pg_stat_statements` (its statements in this
 * database, calls summed over users; the reset time from `pg_stat_statements_info`, 14+),
 * `pg_stat_user_tables` and `pg_stat_user_indexes` (with `last_seq_scan`/`last_idx_scan` on 16+),
 * `pg_stats.null_frac`; and attributes each statement to the tables and columns it uses
 * (core's `attributeQuery`, so call `loadSqlParser()` first). Partitions are left out (queries
 * name their parent), and so are the system's and Wesley's own schemas. Query texts are kept on
 * one line with passwords masked. Reads only: takes no lock beyond a catalog read's.
 *
 * @throws UsageUnavailableError when the extension is not installed in the database or not loaded by the server.
 */
export async function readUsageSnapshot(db: Queryable): Promise<UsageRead> {
  const { rows: facts } = await db.query<{ taken_at: Date; version: string; search_path: string[]; extension: string | null }>(
    `SELECT now() AS taken_at, current_setting('server_version_num') AS version,
            array_to_json(current_schemas(false)) AS search_path,
            (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
              WHERE e.extname = 'pg_stat_statements') AS extension`,
  );
  const fact = facts[0];
  if (fact === undefined) throw new Error('the server answered no row');
  if (fact.extension === null)
    throw new UsageUnavailableError('the extension is not installed in this database (CREATE EXTENSION pg_stat_statements)');
  const versionNum = Number(fact.version);
  const view = (name: string): string => `${quoteIdent(fact.extension ?? 'public')}.${name}`;
  const catalog = await readCatalog(db, fact.search_path);
  const queries = await readStatements(db, view('pg_stat_statements'));
  const statsReset = versionNum >= 140000 ? await readStatsReset(db, view('pg_stat_statements_info')) : null;
  const tables = await readTables(db, versionNum);
  const indexes = await readIndexes(db, versionNum);
  const snapshot: UsageSnapshot = {
    kind: 'usage-snapshot',
    takenAt: fact.taken_at.toISOString(),
    statsReset,
    serverVersionNum: versionNum,
    queries: queries.map((row) => ({
      kind: 'query-stats',
      queryId: row.query_id,
      query: displayQuery(row.query),
      calls: Number(row.calls),
      attribution: row.query === hiddenText ? hiddenAttribution : attributeQuery(row.query, catalog),
    })),
    tables,
    indexes,
  };
  return { snapshot, catalog };
}

async function readStatements(db: Queryable, view: string): Promise<{ query_id: string; query: string; calls: string }[]> {
  try {
    const { rows } = await db.query<{ query_id: string; query: string; calls: string }>(
      // Another role's statements show a NULL queryid to a role without pg_read_all_stats: one entry, `hidden`.
      `SELECT coalesce(queryid::text, 'hidden') AS query_id, min(query) AS query, sum(calls)::text AS calls
         FROM ${view}
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        GROUP BY queryid
        ORDER BY queryid`,
    );
    return rows;
  } catch (error) {
    // 55000: "pg_stat_statements must be loaded via shared_preload_libraries".
    if ((error as { code?: string }).code === '55000')
      throw new UsageUnavailableError('the server does not load it (shared_preload_libraries)');
    throw error;
  }
}

async function readStatsReset(db: Queryable, view: string): Promise<string | null> {
  const { rows } = await db.query<{ stats_reset: Date | null }>(`SELECT stats_reset FROM ${view}`);
  return rows[0]?.stats_reset?.toISOString() ?? null;
}

async function readCatalog(db: Queryable, searchPath: readonly string[]): Promise<UsageCatalog> {
  const { rows } = await db.query<{ schema: string; name: string; columns: string[]; definition: string | null }>(
    `SELECT n.nspname AS schema, c.relname AS name,
            coalesce((SELECT array_to_json(array_agg(a.attname::text ORDER BY a.attnum)) FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]') AS columns,
            CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${ownSchemas}
      ORDER BY 1, 2`,
  );
  return {
    kind: 'usage-catalog',
    searchPath,
    relations: rows.map((row) => ({
      kind: 'usage-relation',
      schema: row.schema,
      name: row.name,
      columns: row.columns,
      definition: row.definition,
    })),
  };
}

async function readTables(db: Queryable, versionNum: number): Promise<UsageSnapshot['tables']> {
  const lastScans =
    versionNum >= 160000 ? 's.last_seq_scan, s.last_idx_scan' : 'NULL::timestamptz AS last_seq_scan, NULL::timestamptz AS last_idx_scan';
  const { rows } = await db.query<{
    table: string;
    rows: string;
    seq_scan: string;
    idx_scan: string;
    last_seq_scan: Date | null;
    last_idx_scan: Date | null;
    columns: { column: string; null_frac: number | null }[];
  }>(
    `SELECT n.nspname || '.' || c.relname AS table, greatest(c.reltuples, 0)::bigint::text AS rows,
            coalesce(s.seq_scan, 0)::text AS seq_scan, coalesce(s.idx_scan, 0)::text AS idx_scan, ${lastScans},
            coalesce((SELECT json_agg(json_build_object('column', a.attname, 'null_frac', st.null_frac) ORDER BY a.attnum)
                        FROM pg_attribute a
                        LEFT JOIN pg_stats st ON st.schemaname = n.nspname AND st.tablename = c.relname AND st.attname = a.attname
                         AND st.inherited = (c.relkind = 'p')
                       WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]') AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${ownSchemas}
      ORDER BY 1`,
  );
  return rows.map((row) => ({
    kind: 'table-stats',
    table: row.table,
    rows: Number(row.rows),
    seqScan: Number(row.seq_scan),
    idxScan: Number(row.idx_scan),
    lastSeqScan: row.last_seq_scan?.toISOString() ?? null,
    lastIdxScan: row.last_idx_scan?.toISOString() ?? null,
    columns: row.columns.map((column) => ({ kind: 'column-stats', column: column.column, nullFraction: column.null_frac })),
  }));
}

async function readIndexes(db: Queryable, versionNum: number): Promise<UsageSnapshot['indexes']> {
  const lastScan = versionNum >= 160000 ? 's.last_idx_scan' : 'NULL::timestamptz AS last_idx_scan';
  const { rows } = await db.query<{ index: string; table: string; idx_scan: string; last_idx_scan: Date | null; enforces: boolean }>(
    `SELECT s.schemaname || '.' || s.indexrelname AS index, s.schemaname || '.' || s.relname AS table,
            s.idx_scan::text AS idx_scan, ${lastScan},
            (i.indisunique OR i.indisprimary OR i.indisexclusion
              OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = s.indexrelid)) AS enforces
       FROM pg_stat_user_indexes s
       JOIN pg_index i ON i.indexrelid = s.indexrelid
       JOIN pg_class t ON t.oid = s.relid
      WHERE s.schemaname <> 'wesley' AND NOT t.relispartition
      ORDER BY 1`,
  );
  return rows.map((row) => ({
    kind: 'index-stats',
    index: row.index,
    table: row.table,
    idxScan: Number(row.idx_scan),
    lastIdxScan: row.last_idx_scan?.toISOString() ?? null,
    enforces: row.enforces,
  }));
}
