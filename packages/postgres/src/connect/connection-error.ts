/**
 * Failure to open a connection: a wrong URL, password, host or database is a user mistake, so it
 * carries a stable `code` and a `help` line. Its message never contains the password.
 */
export class ConnectionError extends Error {
  readonly code = 'WESLEY_CONNECTION_FAILED';
  override readonly name = 'ConnectionError';

  constructor(
    message: string,
    /** What the user can do about it. */
    readonly help: string,
    /** The server's SQLSTATE (`28P01` for a wrong password), or `null` when none was reached. */
    readonly sqlState: string | null,
  ) {
    super(message);
  }
}
