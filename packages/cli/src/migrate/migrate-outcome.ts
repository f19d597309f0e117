/** Why a run did not finish, ready to print: the message and help never hold a password. */
export interface MigrateFailure {
  /** 1, or 3 when the migration lock was not granted in time. */
  readonly exitCode: number;
  /** The error's class name (`StepFailedError`, `ConnectionError`, ...), for `--json`. */
  readonly error: string;
  readonly message: string;
  /** What to do about it, or `null`. */
  readonly help: string | null;
}

/** How a `wesley migrate` run ended. */
export type MigrateOutcome =
  | {
      readonly kind: 'done';
      /** Migrations applied by this run, in order. */
      readonly applied: readonly string[];
      /** The migration `--to` stopped in, or `null`. */
      readonly stoppedIn: string | null;
      /** Migrations in the directory, applied before or now. */
      readonly total: number;
      readonly durationMs: number;
    }
  | { readonly kind: 'failed'; readonly failure: MigrateFailure; readonly durationMs: number };
