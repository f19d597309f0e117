/**
 * An input of `wesley plan` (or of `migrate`, `status`, `drift`) exists but cannot be used: an
 * `ir.json` that is not JSON or not an IR, a database that cannot be reached or read, an
 * embedded PostgreSQL that does not start. Reported as a message plus a help line, exit code 1;
 * the message never holds a database password.
 */
export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';

  constructor(
    message: string,
    /** What the user can do about it. */
    readonly help: string,
  ) {
    super(message);
  }
}
