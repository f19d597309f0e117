import { expect, it } from 'vitest';
import { describeEachServer } from '@wesley/postgres/testing';
import { connect } from '../src/connect/connect.js';
import { ConnectionError } from '../src/connect/connection-error.js';
import { freePort } from '../src/server/free-port.js';

const secret = 'Wr0ng-pa55word-that-must-not-leak';

/** The error `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<ConnectionError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ConnectionError)) throw new Error(`expected a ConnectionError, got ${String(error)}`);
  return error;
}

/** Everything a caller might print or log about an error. */
function everything(error: ConnectionError): string {
  return [error.message, error.stack, error.help, JSON.stringify(error), String(error)].join('\n');
}

describeEachServer('connect', (server) => {
  it('opens a session and runs parameterised queries', async () => {
    const session = await connect(server.url);
    try {
      const { rows } = await session.query<{ sum: number }>('SELECT $1::int + $2::int AS sum', [2, 3]);
      expect(rows).toEqual([{ sum: 5 }]);
      expect(session.displayUrl).not.toContain(new URL(server.url).password);
      expect(session.displayUrl).toContain(':***@');
    } finally {
      await session.close();
      await session.close();
    }
  });

  it('reports a wrong password without ever showing it', async () => {
    const url = new URL(server.url);
    url.password = secret;
    const error = await failure(connect(url.toString()));
    expect(error.code).toBe('WESLEY_CONNECTION_FAILED');
    expect(error.sqlState).toBe('28P01');
    expect(error.message).toMatch(
      /^could not connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres: password authentication failed for user "postgres"$/,
    );
    expect(error.help).toMatch(/password/);
    expect(everything(error)).not.toContain(secret);
  });

  it('reports a missing database with its name', async () => {
    const url = new URL(server.url);
    url.pathname = '/no_such_database';
    const error = await failure(connect(url.toString()));
    expect(error.sqlState).toBe('3D000');
    expect(error.message).toContain('"no_such_database" does not exist');
    expect(everything(error)).not.toContain(new URL(server.url).password);
  });
});

it('reports a refused connection without the password', async () => {
  const url = `postgres://postgres:${secret}@127.0.0.1:${await freePort()}/postgres`;
  const error = await failure(connect(url));
  expect(error.sqlState).toBeNull();
  expect(error.message).toContain('ECONNREFUSED');
  expect(error.help).toMatch(/running/);
  expect(everything(error)).not.toContain(secret);
});
