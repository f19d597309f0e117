/**
 * A database URL that does not parse, or parses into something other than what was surely meant
 * (one slash after the scheme, an unknown scheme, a bad port, no host): refused rather than
 * guessed, since a guess connects somewhere else. Its message shows the URL with its password
 * replaced by `***`.
 */
export class InvalidDatabaseUrlError extends Error {
  /** docs/diagnostics.md#wes160--database-url-does-not-parse */
  readonly code = 'WES160';
  override readonly name = 'InvalidDatabaseUrlError';

  constructor(
    /** Where it came from and how it reads without its password: `--database-url postgres:/app:***@db/shop`. */
    subject: string,
    /** What is wrong with it. */
    readonly reason: string,
    /** What the user can do about it. */
    readonly help: string,
  ) {
    super(`${subject} is not a database URL: ${reason}`);
  }
}
