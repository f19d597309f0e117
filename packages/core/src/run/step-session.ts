/**
 * How the executor runs a planned step or a SQL file's stretch of statements, as far as it can be
 * said without a connection: the defaults, the transaction every attempt opens, the session
 * `lock_timeout` of a statement that cannot run in a transaction, and when and how long to wait
 * before another attempt. Defined here once, so the executor (`@wesley/postgres`), its dry run and
 * the `up.sql` a plan is written as (`@wesley/cli`) say and do the same.
 */

/** The timeouts an attempt runs under, in whole milliseconds. */
export interface StepTimeouts {
  /**
   * `lock_timeout` of each transaction. A lock request that waits in the queue makes every later
   * conflicting request on the table wait behind it, reads included; a short wait gives up and
   * releases the queue.
   */
  readonly lockTimeoutMs: number;
  /** `statement_timeout` of each transaction, bounding how long a granted lock is held; 0 is none. */
  readonly statementTimeoutMs: number;
  /**
   * Session `lock_timeout` of a statement that cannot run in a transaction (`CONCURRENTLY`): it
   * waits for every older snapshot by design, and its SHARE UPDATE EXCLUSIVE lock blocks no
   * reads or writes meanwhile, so it gets a long budget of its own.
   */
  readonly concurrentLockTimeoutMs: number;
}

/** How an attempt that was refused a lock is retried. */
export interface StepRetries {
  /** Attempts after the first. */
  readonly retries: number;
  /** The first backoff ceiling; it doubles per attempt, up to 5 s. */
  readonly backoffMs: number;
}

/**
 * How long a step waits, before it asks for a lock that blocks writes (SHARE and stronger), for
 * the sessions holding a conflicting lock on its tables to let go. A queued request makes every
 * later conflicting request wait behind it, reads and writes included, so asking while a long
 * transaction holds the table would stall it for the whole `lock_timeout`; waiting outside the
 * queue stalls nobody.
 */
export interface StepHolderWait {
  /** The longest wait per step; after it the step asks as it would have, under `lock_timeout` and retries. 0: no wait. */
  readonly holderWaitMs: number;
}

/**
 * The defaults of `wesley migrate` and of `up.sql`: squawk's reference lock wait (1 s), pgroll's
 * retries; a holder wait long enough for a report query or a batch job's transaction to end.
 */
export const stepSessionDefaults: StepTimeouts & StepRetries & StepHolderWait = {
  lockTimeoutMs: 1000,
  statementTimeoutMs: 0,
  concurrentLockTimeoutMs: 300_000,
  retries: 10,
  backoffMs: 100,
  holderWaitMs: 30_000,
};

/** The longest backoff between two attempts. */
const maxBackoffMs = 5000;

/** The largest `lock_timeout` and `statement_timeout` PostgreSQL takes, in milliseconds (INT_MAX, about 24.8 days). */
export const maxTimeoutMs = 2_147_483_647;

/** SQLSTATEs worth another attempt: lock_not_available (`lock_timeout`) and deadlock_detected. */
const retryableSqlStates: ReadonlySet<string> = new Set(['55P03', '40P01']);

/**
 * The wait before another try of attempt `attempt` (from 1), which failed with `sqlState`, or
 * `null` when there is none: not a lock failure, or the last retry done. Exponential backoff with
 * full jitter (`random` in [0, 1)), so sessions that failed together do not retry in lockstep.
 */
export function retryWaitMs(retries: StepRetries, attempt: number, sqlState: string | null, random: number): number | null {
  if (sqlState === null || !retryableSqlStates.has(sqlState) || attempt > retries.retries) return null;
  return Math.round(random * Math.min(maxBackoffMs, retries.backoffMs * 2 ** (attempt - 1)));
}

/**
 * The statements that open an attempt's transaction: `BEGIN`, then the transaction-local
 * `lock_timeout` and `statement_timeout`. `SET LOCAL` ends with the transaction, so a retry or the
 * next stretch starts from the session's own settings.
 */
export function beginStepSql(timeouts: StepTimeouts): string[] {
  return [
    'BEGIN;',
    `SET LOCAL lock_timeout = '${timeouts.lockTimeoutMs}ms';`,
    `SET LOCAL statement_timeout = '${timeouts.statementTimeoutMs}ms';`,
  ];
}

/** What gives a statement run outside a transaction its session `lock_timeout`; `RESET lock_timeout;` ends it. */
export function concurrentLockTimeoutSql(timeouts: StepTimeouts): string {
  return `SET lock_timeout = '${timeouts.concurrentLockTimeoutMs}ms';`;
}
