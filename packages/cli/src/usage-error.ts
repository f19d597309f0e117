/**
 * The command line itself is wrong (unknown flag, missing flag, a schema path that matches
 * nothing). Reported as one line plus a pointer to `--help`, exit code 2; one with a stable
 * `code` (a refusal docs/diagnostics.md explains) has its own help line instead.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The refusal's code (`WES371`), or `null` for a plain command-line mistake. */
  readonly code: string | null;
  /** What to do about it, with a code; `null` points at `--help`. */
  readonly help: string | null;

  constructor(
    message: string,
    /** The command whose `--help` to point at, or `null` for the top level. */
    readonly command: string | null = null,
    coded: { readonly code: string; readonly help: string } | null = null,
  ) {
    super(message);
    this.code = coded?.code ?? null;
    this.help = coded?.help ?? null;
  }
}
