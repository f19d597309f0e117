/**
 * The command line itself is wrong (unknown flag, missing flag, a schema path that matches
 * nothing). Reported as one line plus a pointer to `--help`, exit code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    /** The command whose `--help` to point at, or `null` for the top level. */
    readonly command: string | null = null,
  ) {
    super(message);
  }
}
