import { attachSuppressed, checkDatabaseUrl } from '@wesley/postgres';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/failure/describe-failure.js';
import { failureText } from '../../src/failure/failure-text.js';
import { UsageError } from '../../src/usage-error.js';

describe('describeFailure and failureText', () => {
  it('calls an unexpected error an internal error, its stack (redacted) only in debug', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'steps') at postgres://u:S3cr3t@h/db");
    const failure = describeFailure(error, null);
    expect(failure).toMatchObject({ kind: 'internal', exitCode: 1, code: 'WES163', error: 'TypeError' });
    const plain = failureText('migrate', failure, false);
    expect(plain).toMatch(
      /^wesley migrate: WES163 internal error: Cannot read properties of undefined \(reading 'steps'\) at postgres:\/\/u:\*\*\*@h\/db$/m,
    );
    expect(plain).toMatch(/^ {2}help: this is a bug in Wesley: please report it .* WESLEY_DEBUG=1 prints its stack trace$/m);
    expect(plain).not.toMatch(/^\s+at /m);
    const debug = failureText('migrate', failure, true);
    expect(debug).toMatch(/^\s+at /m);
    expect(debug).not.toContain('S3cr3t');
  });

  it.each([
    ['Connection terminated unexpectedly', 'the connection to the database was lost: Connection terminated unexpectedly'],
    ['Client has encountered a connection error and is not queryable', 'the connection to the database was lost: Client has encountered'],
  ])('names a lost connection (%s) with its help, code WES161', (message, shown) => {
    const failure = describeFailure(new Error(message), null);
    expect(failure).toMatchObject({ kind: 'failure', exitCode: 1, code: 'WES161' });
    expect(failure.message.startsWith(shown)).toBe(true);
    expect(failure.help).toMatch(/run the command again once the database is reachable/);
  });

  it('keeps the first error and prints what failed while releasing as notes', () => {
    const error = Object.assign(new Error('relation "x" does not exist'), { code: '42P01' });
    attachSuppressed(error, { during: 'releasing the migration lock', error: new Error('Connection terminated unexpectedly') });
    const text = failureText('migrate', describeFailure(error, null), false);
    expect(text).toBe(
      'wesley migrate: 42P01 relation "x" does not exist\n  note: releasing the migration lock failed too: Connection terminated unexpectedly\n',
    );
  });

  it('prints a usage error as every command-line mistake is printed', () => {
    const text = failureText(
      'migrate',
      describeFailure(new UsageError('--lock-timeout 0 would mean no limit at all', 'migrate'), null),
      false,
    );
    expect(text).toBe("wesley migrate: --lock-timeout 0 would mean no limit at all\nRun 'wesley migrate --help' for usage.\n");
  });

  it('prints a database URL that does not parse with its help line, exit 2', () => {
    let error: unknown;
    try {
      checkDatabaseUrl('postgres:/app:S3cr3t@db/shop', '--database-url');
    } catch (caught) {
      error = caught;
    }
    const failure = describeFailure(error, null);
    expect(failure).toMatchObject({ kind: 'usage', exitCode: 2, code: 'WES160' });
    expect(failureText('migrate', failure, false)).toBe(
      "wesley migrate: WES160 --database-url postgres:/app:***@db/shop is not a database URL: 'postgres:' must be followed by two slashes\n" +
        '  help: write it as postgres://user@host:5432/database (a password goes after the user name, as in user:password@)\n',
    );
  });

  it('puts the code first on the first line only, and not twice when the message names it', () => {
    const failure = {
      kind: 'failure',
      exitCode: 1,
      error: 'E',
      code: 'WES171',
      message: 'one\ntwo',
      help: 'fix it',
      notes: [],
      stack: null,
    } as const;
    expect(failureText('migrate', failure, false)).toBe('wesley migrate: WES171 one\nwesley migrate: two\n  help: fix it\n');
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'plan.json'"), { code: 'ENOENT' });
    expect(failureText('migrate', describeFailure(missing, null), false)).toBe(
      "wesley migrate: ENOENT: no such file or directory, open 'plan.json'\n",
    );
  });
});
