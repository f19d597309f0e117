/** The database a command works on, open for the length of the command. */
export interface DatabaseTarget {
  /** The connection URL, password included: for connecting only, never for printing. */
  readonly url: string;
  /** The URL with its password replaced by `***`. */
  readonly label: string;
  /** Where it came from: `--database-url`, `DATABASE_URL`, or the embedded server and its data directory. */
  readonly origin: string;
}
