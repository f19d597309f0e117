import { concurrentLockTimeoutSql, type StepTimeouts } from '@wesley/core/run';

/** A statement that cannot run in a transaction, with the session `lock_timeout` the executor gives it. */
export function outsideTransaction(sql: string, timeouts: StepTimeouts): string[] {
  return [concurrentLockTimeoutSql(timeouts), sql, 'RESET lock_timeout;'];
}

/** A statement as it is written out: with its terminating semicolon. */
export function terminated(sql: string): string {
  return /;\s*$/.test(sql) ? sql : `${sql};`;
}
