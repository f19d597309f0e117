import { beginStepSql, concurrentLockTimeoutSql, retryWaitMs, type StepRetries, type StepTimeouts } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';

/**
 * Opens an attempt's transaction: `BEGIN` and the transaction-local `lock_timeout` and
 * `statement_timeout`, in one round trip, as core's `beginStepSql` writes them (the dry run
 * prints the same statements).
 */
export async function beginStepTransaction(session: Connection, timeouts: StepTimeouts): Promise<void> {
  await session.query(beginStepSql(timeouts).join('\n'));
}

/** Runs `work` in one transaction opened by {@link beginStepTransaction}: committed, or rolled back when it throws. */
export async function inStepTransaction(session: Connection, timeouts: StepTimeouts, work: () => Promise<void>): Promise<void> {
  await beginStepTransaction(session, timeouts);
  try {
    await work();
    await session.query('COMMIT');
  } catch (error) {
    await session.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Runs `work`, statements that cannot run in a transaction, under the session `lock_timeout` of
 * their own (`concurrentLockTimeoutMs`) and no `statement_timeout`; the session's own
 * `lock_timeout` is back afterwards, whatever happened.
 */
export async function outsideStepTransaction<T>(session: Connection, timeouts: StepTimeouts, work: () => Promise<T>): Promise<T> {
  await session.query(concurrentLockTimeoutSql(timeouts));
  try {
    return await work();
  } finally {
    await session.query('RESET lock_timeout');
  }
}

/**
 * After attempt `attempt` failed with `sqlState`: when core's rule allows another try (a lock not
 * granted or a deadlock, retries left), reports the jittered wait to `onRetry`, waits it out and
 * resolves `true`; otherwise `false`, at once.
 */
export async function waitToRetry(
  retries: StepRetries,
  attempt: number,
  sqlState: string | null,
  onRetry: (sqlState: string, waitMs: number) => void,
): Promise<boolean> {
  const waitMs = retryWaitMs(retries, attempt, sqlState, Math.random());
  if (waitMs === null || sqlState === null) return false;
  onRetry(sqlState, waitMs);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  return true;
}
