import type { QueryAttribution } from './column-use.js';

/**
 * What the server's statistics said at one moment (`wesley usage` reads it, and stores it in
 * `wesley.usage_snapshots`): each counter is cumulative since `statsReset` (the last reset of
 * `pg_stat_statements`; `null` before PostgreSQL 14, which does not record it), so two
 * snapshots of one stats lifetime give the usage between them.
 */
export interface UsageSnapshot {
  readonly kind: 'usage-snapshot';
  /** ISO 8601, the server's clock. */
  readonly takenAt: string;
  readonly statsReset: string | null;
  readonly serverVersionNum: number;
  readonly queries: readonly QueryStats[];
  readonly tables: readonly TableStats[];
  readonly indexes: readonly IndexStats[];
}

/** One normalized statement of `pg_stat_statements` (its calls summed over users), and what it uses. */
export interface QueryStats {
  readonly kind: 'query-stats';
  /** `queryid`, a 64-bit integer as text. */
  readonly queryId: string;
  /** The text as `pg_stat_statements` keeps it: constants replaced by `$1`, `$2`. */
  readonly query: string;
  readonly calls: number;
  readonly attribution: QueryAttribution;
}

/** A table's columns and counters (`pg_stat_user_tables`, `pg_stats`). */
export interface TableStats {
  readonly kind: 'table-stats';
  /** `schema.table`, unquoted. */
  readonly table: string;
  readonly rows: number;
  readonly seqScan: number;
  readonly idxScan: number;
  /** `last_seq_scan` / `last_idx_scan` (PostgreSQL 16+), ISO 8601; `null` when never, or before 16. */
  readonly lastSeqScan: string | null;
  readonly lastIdxScan: string | null;
  readonly columns: readonly ColumnStats[];
}

/** A column, with `pg_stats.null_frac` (`null` until the table is analyzed). */
export interface ColumnStats {
  readonly kind: 'column-stats';
  readonly column: string;
  readonly nullFraction: number | null;
}

/** An index's scans (`pg_stat_user_indexes`); `enforces` for one backing a primary key, unique key or exclusion constraint. */
export interface IndexStats {
  readonly kind: 'index-stats';
  /** `schema.index`, unquoted. */
  readonly index: string;
  readonly table: string;
  readonly idxScan: number;
  readonly lastIdxScan: string | null;
  readonly enforces: boolean;
}
