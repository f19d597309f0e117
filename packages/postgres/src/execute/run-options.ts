import {
  batchSizingDefaults,
  maxTimeoutMs,
  stepSessionDefaults,
  type BatchSizing,
  type StepHolderWait,
  type StepRetries,
  type StepTimeouts,
} from '@wesley/core/run';
import type { LockHolder } from './wait-for-lock-holders.js';

/** How steps run: the timeouts each attempt gets and how lock failures are retried. */
export interface RunOptions {
  /** `lock_timeout` per statement, so a queued lock never holds up other sessions long (default 1 s). */
  readonly lockTimeoutMs?: number;
  /**
   * `lock_timeout` of `CONCURRENTLY` statements, which wait for every older transaction but
   * block no reads or writes while they wait (default 5 min).
   */
  readonly concurrentLockTimeoutMs?: number;
  /** `statement_timeout` for transactional steps and backfill batches (default 0: none). */
  readonly statementTimeoutMs?: number;
  /** Attempts after the first when a lock is not granted (55P03) or a deadlock is detected (40P01); default 10. */
  readonly retries?: number;
  /** First backoff; it doubles per attempt, with full jitter (default 100 ms, capped at 5 s). */
  readonly backoffMs?: number;
  /**
   * Before a step asks for a lock that blocks writes, how long it may wait for other sessions
   * holding a conflicting lock on its tables to let go, outside the lock queue (default 30 s; 0:
   * no wait). After it the step asks all the same, under `lock_timeout` and retries.
   */
  readonly holderWaitMs?: number;
  /** Pause between backfill batches (default 0). */
  readonly batchPauseMs?: number;
  /** How long each backfill batch aims to hold its row locks; batches grow and shrink towards it (default 100 ms). */
  readonly batchTargetMs?: number;
  /** The smallest backfill batch (default 100 rows). */
  readonly batchMinRows?: number;
  /** The largest backfill batch (default 100,000 rows). */
  readonly batchMaxRows?: number;
  /**
   * Asked before each backfill batch (`migrate`'s windows and throttling): it may wait, and
   * `'stop'` ends the step after the batches done, their cursor committed, without `step-done`
   * (default: always `'go'`).
   */
  readonly beforeBatch?: (stepId: string) => Promise<'go' | 'stop'>;
  /** Called as steps start, retry and finish. */
  readonly onEvent?: (event: RunEvent) => void;
}

/**
 * What a step reports as it runs. `holder-wait`: before asking for its lock, the step waits for
 * session `pid`, which holds `mode` on `relation` in a transaction open `openMs` (once per
 * session and step); `holder-wait-end`: that wait ended after `waitedMs`, with `holders` sessions
 * still holding (0 when they let go; more when the bound came first and the step asks all the same).
 */
export type RunEvent =
  | { readonly kind: 'step-start'; readonly stepId: string }
  | { readonly kind: 'step-retry'; readonly stepId: string; readonly attempt: number; readonly sqlState: string; readonly waitMs: number }
  | ({ readonly kind: 'holder-wait'; readonly stepId: string } & LockHolder)
  | { readonly kind: 'holder-wait-end'; readonly stepId: string; readonly waitedMs: number; readonly holders: number }
  /** A backfill batch of up to `rows` rows committed, after holding its row locks `heldMs` (its attempts together); the next one is of `nextRows`. */
  | { readonly kind: 'batch'; readonly stepId: string; readonly rows: number; readonly heldMs: number; readonly nextRows: number }
  /** A per-partition step finished `partition` (schema-qualified): `done` of the `total` partitions the table has now. */
  | { readonly kind: 'partition-done'; readonly stepId: string; readonly partition: string; readonly done: number; readonly total: number }
  | { readonly kind: 'step-done'; readonly stepId: string; readonly attempts: number };

/** Every option given, defaults from core's `stepSessionDefaults`. */
export interface ResolvedRunOptions extends StepTimeouts, StepRetries, StepHolderWait, BatchSizing {
  readonly batchPauseMs: number;
  readonly beforeBatch: (stepId: string) => Promise<'go' | 'stop'>;
  readonly onEvent: (event: RunEvent) => void;
}

/**
 * The options with their defaults (core's `stepSessionDefaults`).
 *
 * @throws RangeError for a timeout that is not a whole number of milliseconds PostgreSQL takes, or
 * a lock timeout of 0, which PostgreSQL reads as no limit at all.
 */
export function resolveRunOptions(options: RunOptions): ResolvedRunOptions {
  return {
    lockTimeoutMs: timeout('lockTimeoutMs', options.lockTimeoutMs ?? stepSessionDefaults.lockTimeoutMs, 1),
    concurrentLockTimeoutMs: timeout(
      'concurrentLockTimeoutMs',
      options.concurrentLockTimeoutMs ?? stepSessionDefaults.concurrentLockTimeoutMs,
      1,
    ),
    statementTimeoutMs: timeout('statementTimeoutMs', options.statementTimeoutMs ?? stepSessionDefaults.statementTimeoutMs, 0),
    retries: options.retries ?? stepSessionDefaults.retries,
    backoffMs: options.backoffMs ?? stepSessionDefaults.backoffMs,
    holderWaitMs: timeout('holderWaitMs', options.holderWaitMs ?? stepSessionDefaults.holderWaitMs, 0),
    batchPauseMs: options.batchPauseMs ?? 0,
    ...batchSizing(options),
    beforeBatch: options.beforeBatch ?? (() => Promise.resolve('go')),
    onEvent: options.onEvent ?? (() => undefined),
  };
}

function timeout(name: string, ms: number, min: number): number {
  if (Number.isInteger(ms) && ms >= min && ms <= maxTimeoutMs) return ms;
  throw new RangeError(`${name} must be a whole number of milliseconds from ${min} to ${maxTimeoutMs}, not ${ms}`);
}

/**
 * The backfill's batch bounds with their defaults (core's `batchSizingDefaults`).
 *
 * @throws RangeError for a target or bound that is not a whole number above 0, or a smallest batch above the largest.
 */
function batchSizing(options: RunOptions): BatchSizing {
  const batchTargetMs = timeout('batchTargetMs', options.batchTargetMs ?? batchSizingDefaults.batchTargetMs, 1);
  // A bound given alone moves the other default out of its way: --batch-max-rows 50 means batches of at most 50 rows.
  const batchMinRows = wholeRows(
    'batchMinRows',
    options.batchMinRows ?? Math.min(batchSizingDefaults.batchMinRows, options.batchMaxRows ?? batchSizingDefaults.batchMinRows),
  );
  const batchMaxRows = wholeRows('batchMaxRows', options.batchMaxRows ?? Math.max(batchMinRows, batchSizingDefaults.batchMaxRows));
  if (batchMinRows > batchMaxRows) throw new RangeError(`batchMinRows (${batchMinRows}) must not be above batchMaxRows (${batchMaxRows})`);
  return { batchTargetMs, batchMinRows, batchMaxRows };
}

function wholeRows(name: string, rows: number): number {
  if (Number.isSafeInteger(rows) && rows >= 1) return rows;
  throw new RangeError(`${name} must be a whole number of rows above 0, not ${rows}`);
}
