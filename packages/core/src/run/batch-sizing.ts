/**
 * How a backfill sizes its batches: each batch aims at holding its row locks for about
 * `batchTargetMs`, at the rate the last batch ran, within `[batchMinRows, batchMaxRows]`. A fixed
 * count cannot be right for both an idle server (a 1,000-row batch is a few milliseconds of work
 * and its round trips and commit dominate: a 1M-row backfill took 3.1x one plain `UPDATE`) and a
 * busy one (where the same batch may hold locks that writers queue behind).
 */
export interface BatchSizing {
  /** How long a batch should hold its row locks, from its first statement to its `COMMIT`. */
  readonly batchTargetMs: number;
  /** The smallest batch, however slow the server. */
  readonly batchMinRows: number;
  /** The largest batch, however fast the server. */
  readonly batchMaxRows: number;
}

/**
 * The defaults of `wesley migrate`: 100 ms of row locks is well under the default `lock_timeout`
 * (1 s) a writer of the same rows would otherwise wait in; 100,000 rows bounds what one batch
 * writes to the WAL and leaves in dead tuples before its commit.
 */
export const batchSizingDefaults: BatchSizing = {
  batchTargetMs: 100,
  batchMinRows: 100,
  batchMaxRows: 100_000,
};

/**
 * How much larger one batch may be than the one before. The rate of one batch is noisy (a
 * checkpoint, a cold cache, the rows of a page being hot or not), so growth is in steps a slow
 * next batch can take back; a batch that overshoots shrinks the next one at once, in proportion.
 */
export const maxBatchGrowth = 2;

/** The size of a backfill's first batch: the plan's `batchSize`, within the bounds. */
export function firstBatchSize(sizing: BatchSizing, plannedRows: number): number {
  return withinBounds(sizing, plannedRows);
}

/**
 * The size of the batch after one of `rows` rows that held its locks `ms` milliseconds: the rows
 * that rate fits in `batchTargetMs` (fewer at once when the batch overshot, slowed by a lock wait,
 * a busy server or an I/O stall), but at most {@link maxBatchGrowth} times `rows`, and within the
 * bounds. At a steady rate it settles where a batch takes the target.
 */
export function nextBatchSize(sizing: BatchSizing, rows: number, ms: number): number {
  const atTarget = ms > 0 ? (rows * sizing.batchTargetMs) / ms : Number.POSITIVE_INFINITY;
  // Rounded away from `rows`: down, the next batch fits the target; up, a small batch that has room grows by a row at least.
  const next = atTarget < rows ? Math.floor(atTarget) : Math.ceil(Math.min(atTarget, rows * maxBatchGrowth));
  return withinBounds(sizing, next);
}

function withinBounds(sizing: BatchSizing, rows: number): number {
  return Math.max(sizing.batchMinRows, Math.min(sizing.batchMaxRows, Math.floor(rows)));
}
