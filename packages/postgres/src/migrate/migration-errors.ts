/** A migration applied (or partly applied) whose file changed since: history must not be rewritten. */
export class MigrationEditedError extends Error {
  readonly migration: string;

  constructor(migration: string, applied: string, current: string) {
    super(
      `migration ${migration} was run with checksum ${applied.slice(0, 19)}… but its file now has ${current.slice(0, 19)}…; ` +
        'a migration that has been applied, even in part, must not change: add a new migration instead',
    );
    this.name = 'MigrationEditedError';
    this.migration = migration;
  }
}

/** A plan migration with destructive steps, run without `allowDestructive`. */
export class DestructiveMigrationError extends Error {
  readonly migration: string;

  constructor(migration: string, steps: readonly string[]) {
    super(`migration ${migration} loses data in ${steps.join(', ')}; run it with --allow-destructive once that is intended`);
    this.name = 'DestructiveMigrationError';
    this.migration = migration;
  }
}

/** A `plan.json` that is not a Wesley plan. */
export class InvalidPlanFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file} is not a Wesley plan: ${reason}`);
    this.name = 'InvalidPlanFileError';
  }
}
