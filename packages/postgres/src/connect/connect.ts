import pg from 'pg';
import { checkDatabaseUrl } from './check-database-url.js';
import { ConnectionError } from './connection-error.js';
import { redactPassword, redactUrl } from './redact-url.js';

/** One open session to PostgreSQL. Sessions matter (advisory locks, `SET`), so this is a client, not a pool. */
export interface Connection {
  /** The connection URL with its password replaced by `***`, for messages. */
  readonly displayUrl: string;
  /** The underlying node-postgres client, for streaming and `COPY`. */
  readonly client: pg.Client;
  /** Runs one parameterised statement. */
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<Row>>;
  /** Ends the session; safe to call twice. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Give up connecting after this long (default 10 s). */
  readonly timeoutMs?: number;
}

/**
 * Opens a session to `url`. Failure throws a {@link ConnectionError} whose message names the
 * redacted URL and the server's reason, never the password.
 *
 * @throws InvalidDatabaseUrlError before connecting, for a URL that does not parse as plainly
 * meant (see `checkDatabaseUrl`): node-postgres would guess, and reach another server.
 */
export async function connect(url: string, options: ConnectOptions = {}): Promise<Connection> {
  checkDatabaseUrl(url);
  const displayUrl = redactUrl(url);
  let client: pg.Client;
  try {
    client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: options.timeoutMs ?? 10_000,
      application_name: 'wesley',
    });
    await client.connect();
  } catch (error) {
    throw connectionError(error, url, displayUrl);
  }
  // An idle session can be cut by the server; without a listener node would crash the process.
  // The next query on it rejects with the reason, which is where the caller sees it.
  client.on('error', () => undefined);
  let closed: Promise<void> | null = null;
  return {
    displayUrl,
    client,
    query: (text, values) => client.query(text, values as unknown[] | undefined),
    close: () => (closed ??= client.end()),
  };
}

function connectionError(error: unknown, url: string, displayUrl: string): ConnectionError {
  const reason = redactPassword(error instanceof Error ? error.message : String(error), url);
  const sqlState = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : null;
  return new ConnectionError(
    `could not connect to ${displayUrl}: ${reason}`,
    helpFor(sqlState),
    sqlState !== null && /^[0-9A-Z]{5}$/.test(sqlState) ? sqlState : null,
  );
}

function helpFor(code: string | null): string {
  switch (code) {
    case '28P01':
    case '28000':
      return 'check the user name and password in the database URL (or DATABASE_URL)';
    case '3D000':
      return 'create the database first, or fix the database name in the URL';
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'check that PostgreSQL is running and the host and port in the URL are right';
    default:
      return 'check the database URL (explicit option, config, or DATABASE_URL)';
  }
}
