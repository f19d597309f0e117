/**
 * WES180: `wesley migrate rollback` of a SQL migration. A SQL file records no rollback of its
 * statements, so Wesley has nothing to run; undoing it is a change of its own.
 */
export class NoRecordedRollbackError extends Error {
  readonly code = 'WES180';
  override readonly name = 'NoRecordedRollbackError';
  readonly migration: string;
  readonly help: string;

  constructor(migration: string) {
    super(`migration ${migration} is a SQL file: it records no rollback, so Wesley cannot roll it back`);
    this.migration = migration;
    this.help = `undo it by hand (or in a new migration), then record that with 'wesley migrate resolve ${migration} --rolled-back'`;
  }
}

/**
 * WES181: applied steps of a planned migration that have no recorded rollback (data dropped,
 * an enum label added). Refused before anything runs: a rollback that stopped at such a step
 * would leave the migration neither applied nor rolled back.
 */
export class IrreversibleStepsError extends Error {
  readonly code = 'WES181';
  override readonly name = 'IrreversibleStepsError';
  readonly migration: string;
  readonly steps: readonly string[];
  readonly help: string;

  constructor(migration: string, steps: readonly string[]) {
    super(`migration ${migration} cannot be rolled back: ${steps.length === 1 ? 'step' : 'steps'} ${steps.join(', ')} cannot be undone`);
    this.migration = migration;
    this.steps = steps;
    this.help = `continue it with 'wesley migrate', or undo it by hand and record that with 'wesley migrate resolve ${migration} --rolled-back'`;
  }
}

/**
 * WES182: a migration `rollback` or `resolve` cannot act on where it is: not in the migrations
 * directory, unknown to the ledger (nothing ran: nothing to roll back), or followed by
 * migrations that have run since (undoing it first would pull the ground from under them).
 */
export class MigrationStateError extends Error {
  readonly code = 'WES182';
  override readonly name = 'MigrationStateError';
  readonly migration: string;
  readonly help: string;

  constructor(migration: string, message: string, help: string) {
    super(message);
    this.migration = migration;
    this.help = help;
  }
}
