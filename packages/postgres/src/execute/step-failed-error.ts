/** A plan step that failed for good (after its retries), naming the step, and its migration once the migrator adds it. */
export class StepFailedError extends Error {
  readonly stepId: string;
  readonly attempts: number;
  /** SQLSTATE of the last failure, when PostgreSQL gave one. */
  readonly sqlState: string | null;
  /** The migration the step belongs to (the migrator knows it, the step runner does not), or `null`. */
  readonly migration: string | null;

  constructor(stepId: string, attempts: number, cause: unknown, migration: string | null = null) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    // PostgreSQL's hint names what to change ("You might need to increase max_locks_per_transaction.").
    const hint = (cause as { hint?: unknown } | null)?.hint;
    const said = typeof hint === 'string' && hint !== '' ? `${reason} (${hint.replace(/\.$/, '')})` : reason;
    super(`step ${stepId} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${said}`, { cause });
    this.name = 'StepFailedError';
    this.stepId = stepId;
    this.attempts = attempts;
    this.sqlState = sqlStateOf(cause);
    this.migration = migration;
  }

  /** The same failure, naming the migration it stopped. */
  inMigration(migration: string): StepFailedError {
    return new StepFailedError(this.stepId, this.attempts, this.cause, migration);
  }
}

export function sqlStateOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}
