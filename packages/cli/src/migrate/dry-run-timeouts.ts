/** The timeouts a run gives its statements, as `wesley migrate` would set them. */
export interface DryRunTimeouts {
  readonly lockTimeoutMs: number;
  readonly statementTimeoutMs: number;
  /** The session `lock_timeout` of a statement run outside a transaction (`CONCURRENTLY`). */
  readonly concurrentLockTimeoutMs: number;
}

/** `BEGIN` and the `SET LOCAL`s the executor opens each transaction with (it uses `set_config(..., true)`). */
export function beginTransaction(timeouts: DryRunTimeouts): string[] {
  return [
    'BEGIN;',
    `SET LOCAL lock_timeout = '${timeouts.lockTimeoutMs}ms';`,
    `SET LOCAL statement_timeout = '${timeouts.statementTimeoutMs}ms';`,
  ];
}

/** A statement that cannot run in a transaction, with the session `lock_timeout` the executor gives it. */
export function outsideTransaction(sql: string, timeouts: DryRunTimeouts): string[] {
  return [`SET lock_timeout = '${timeouts.concurrentLockTimeoutMs}ms';`, sql, 'RESET lock_timeout;'];
}

/** A statement as it is written out: with its terminating semicolon. */
export function terminated(sql: string): string {
  return /;\s*$/.test(sql) ? sql : `${sql};`;
}
