import { describeEachServer } from '@wesley/postgres/testing';
import { describe, expect, it } from 'vitest';
import { checkDatabaseUrl } from '../src/connect/check-database-url.js';
import { connect } from '../src/connect/connect.js';
import { InvalidDatabaseUrlError } from '../src/connect/invalid-database-url-error.js';

const secret = 'S3cr3t-pw';

/** The error `check` throws, or a failure when it throws none. */
function refusal(check: () => unknown): InvalidDatabaseUrlError {
  try {
    check();
  } catch (error) {
    if (error instanceof InvalidDatabaseUrlError) return error;
    throw error;
  }
  throw new Error('expected the URL to be refused');
}

describe('checkDatabaseUrl', () => {
  it.each([
    'postgres://user:S3cr3t-pw@db.example:5432/app',
    'postgresql://user:S3cr3t-pw@db/app?sslmode=require',
    'POSTGRES://user@db/app',
    'postgresql://user:S3cr3t-pw@[::1]:5432/app',
    'postgres://user:p%40ss%23w0rd@db/app',
    'postgres://user@/app?host=/var/run/postgresql',
    'postgres://db/app',
  ])('takes %s', (url) => {
    expect(checkDatabaseUrl(url)).toBe(url);
  });

  it.each([
    ['postgres:/user:S3cr3t-pw@host/db', /'postgres:' must be followed by two slashes/],
    ['postgres:user:S3cr3t-pw@host/db', /'postgres:' must be followed by two slashes/],
    ['postgress://user:S3cr3t-pw@host/db', /the scheme 'postgress:' is not postgres: or postgresql:/],
    ['mysql://user:S3cr3t-pw@host/db', /the scheme 'mysql:' is not/],
    ['host=db user=app password=S3cr3t-pw dbname=shop', /key=value connection string/],
    ["host=db password='S3cr3t-pw'", /key=value connection string/],
    ['user:S3cr3t-pw@host/db', /does not start with postgres:\/\//],
    ['postgres://user:S3cr3t-pw@host:54x2/db', /port is not a number from 1 to 65535/],
    ['postgres://user:S3cr3t-pw@host:99999/db', /port is not a number from 1 to 65535/],
    ['postgres://user:S3cr3t-pw@host:0/db', /port is not a number from 1 to 65535/],
    // An unencoded / in the password ends the authority there: the parser would read "S3cr3t" as a port.
    ['postgres://user:S3cr/3t-pw@host/db', /port is not a number/],
    ['postgres://user:S3cr#3t-pw@host/db', /holds a '#'/],
    ['postgres://user:S3cr3t-pw@/db', /names no host/],
    ['postgres://user:S3cr3t-pw%zz@host/db', /'%' in it is not followed by two hexadecimal digits/],
  ])('refuses %s, naming it without its password', (url, reason) => {
    const error = refusal(() => checkDatabaseUrl(url, '--database-url'));
    expect(error.code).toBe('WES160');
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/^--database-url /);
    expect(error.help.length).toBeGreaterThan(0);
    for (const text of [error.message, error.help, error.stack ?? '', String(error)]) {
      expect(text).not.toContain('S3cr3t');
      expect(text).not.toContain('3t-pw');
    }
  });
});

describeEachServer('connect to a URL that does not parse', (server) => {
  it('refuses it before connecting, where node-postgres would have guessed a server', async () => {
    const real = new URL(server.url);
    // One slash: node-postgres reads the whole as a path and connects to localhost:5432.
    const oneSlash = `postgres:/${real.username}:${secret}@${real.host}/postgres`;
    // A mistyped scheme: node-postgres ignores the scheme and connects.
    const mistyped = `postgress://${real.username}:${real.password}@${real.host}/postgres`;
    const badPort = `postgres://${real.username}:${secret}@${real.hostname}:${real.port}x/postgres`;
    for (const url of [oneSlash, mistyped, badPort]) {
      const error = await connect(url).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(InvalidDatabaseUrlError);
      expect(String((error as Error).message)).not.toContain(secret);
      expect(String((error as Error).message)).not.toContain(real.password);
    }
  });
});
