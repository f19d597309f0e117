/**
 * The migration lock was lost during a run: the session holding it ended (terminated, timed out,
 * its connection cut) or no longer holds it (a pooler gave the migrator another server session,
 * or the migration's own SQL released it). The run stopped before committing anything more;
 * what it committed while it held the lock stays, recorded in the ledger, and the next run
 * carries on from there.
 */
export class MigrationLockLostError extends Error {
  /** docs/diagnostics.md#wes140--migration-lock-lost */
  readonly code = 'WES140';
  override readonly name = 'MigrationLockLostError';
  readonly help =
    'run wesley migrate again: it carries on after the last step committed while the lock was held. ' +
    'Run it on a direct connection or a session-mode pool (a transaction-mode pooler moves a session between server connections), ' +
    'and do not release advisory locks in a migration';

  constructor(
    /** The lock's name (`wesley`). */
    readonly lockName: string,
    /** The migration the run was in, or `null` before the first one started. */
    readonly migration: string | null,
    /** The step or statement (`0001_init.sql:12`) it was at, or `null`. */
    readonly step: string | null,
    /** What happened to the lock, in words. */
    reason: string,
    options?: ErrorOptions,
  ) {
    const place = migration === null ? '' : ` in ${migration}${step === null ? '' : ` at ${step}`}`;
    super(`lost the "${lockName}" migration lock${place}: ${reason}; nothing more was committed`, options);
  }
}
