/** Why a command did not finish, ready to print: nothing in it holds a password. */
export interface CliFailure {
  /**
   * `usage`: the command line (or a database URL) is wrong, exit 2; `failure`: the run failed or
   * was refused, or an input cannot be used; `internal`: an error Wesley did not expect, a bug.
   */
  readonly kind: 'usage' | 'failure' | 'internal';
  /** 1, 2 for a wrong command line, 3 when the migration lock was not granted in time. */
  readonly exitCode: number;
  /** The error's class name (`StepFailedError`, `ConnectionError`, ...), for `--json`. */
  readonly error: string;
  /** A stable code when the error has one: `WES160`, `WESLEY_CONNECTION_FAILED`, a SQLSTATE, an errno code; else `null`. */
  readonly code: string | null;
  readonly message: string;
  /** What to do about it, or `null`. */
  readonly help: string | null;
  /** What else went wrong while cleaning up after it (releasing the migration lock, ...). */
  readonly notes: readonly string[];
  /** The stack trace of an internal error, for `WESLEY_DEBUG=1`; `null` for the others. */
  readonly stack: string | null;
}
