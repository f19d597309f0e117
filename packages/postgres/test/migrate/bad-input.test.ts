import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { ConnectionError } from '../../src/connect/connection-error.js';
import { StepFailedError } from '../../src/execute/step-failed-error.js';
import { migrate } from '../../src/migrate/migrate.js';
import { MigrationEditedError } from '../../src/migrate/migration-errors.js';
import { migrationStatus } from '../../src/migrate/migration-status.js';
import { freePort } from '../../src/server/free-port.js';
import { migrationsDirectory } from './support/migrations-directory.js';

/** The error `promise` rejects with (a test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
}

/** Everything a caller might print or log about an error. */
const everything = (error: unknown) => {
  const e = error as Error & { help?: string };
  return [e.message, e.stack, e.help, JSON.stringify(e), String(e)].join('\n');
};

/** A password with characters that URLs percent-encode. */
const secret = 'Wr0ng/pa55:w@rd#that-must-not-leak';

/** Bad input at the library level: each stops the run with a clear error and changes nothing it should not. */
describeEachServer('migrate: bad input', (server) => {
  const db = useTestDatabase(server);

  const relations = async (names: readonly string[]) => {
    const session = await db.connect();
    const { rows } = await session.query<{ name: string }>(
      `SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass('public.' || name) IS NOT NULL ORDER BY name`,
      [names],
    );
    return rows.map((row) => row.name);
  };

  it('a syntax error names file:line, applies nothing of the file, and leaves it unapplied until fixed', async () => {
    const session = await db.connect();
    const directory = await migrationsDirectory({
      '0001_shipments.sql': [
        'CREATE TABLE shipment (id integer PRIMARY KEY);',
        'INSERT INTO shipment VALUES (1);',
        '',
        '-- the typo:',
        'CREAT TABLE parcel (id integer PRIMARY KEY);',
        'INSERT INTO shipment VALUES (2);',
      ].join('\n'),
    });
    const error = await rejection(migrate({ url: db.url, directory }));
    expect(error).toBeInstanceOf(StepFailedError);
    expect(error).toMatchObject({ stepId: '0001_shipments.sql:5', sqlState: '42601' });
    expect((error as Error).message).toMatch(/^step 0001_shipments\.sql:5 failed after 1 attempt: syntax error at or near "CREAT"$/);
    expect(await relations(['shipment', 'parcel'])).toEqual([]);
    const ledger = await session.query(`SELECT name, status FROM wesley.migrations`);
    expect(ledger.rows).toEqual([{ name: '0001_shipments.sql', status: 'running' }]);
    expect((await session.query(`SELECT count(*)::int AS n FROM wesley.steps`)).rows).toEqual([{ n: 0 }]);
    expect((await migrationStatus(session, directory)).map((s) => [s.name, s.state])).toEqual([['0001_shipments.sql', 'stopped']]);

    // Nothing of it committed, so the file may be fixed and run again.
    const file = path.join(directory, '0001_shipments.sql');
    await writeFile(
      file,
      [
        'CREATE TABLE shipment (id integer PRIMARY KEY);',
        'INSERT INTO shipment VALUES (1);',
        'CREATE TABLE parcel (id integer PRIMARY KEY);',
        'INSERT INTO shipment VALUES (2);',
      ].join('\n'),
    );
    expect((await migrate({ url: db.url, directory })).applied).toEqual(['0001_shipments.sql']);
    expect((await session.query('SELECT id FROM shipment ORDER BY id')).rows).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await relations(['shipment', 'parcel'])).toEqual(['parcel', 'shipment']);
  });

  it('a migration edited after it was applied stops the run before anything runs', async () => {
    const session = await db.connect();
    const directory = await migrationsDirectory({ '0001_notes.sql': 'CREATE TABLE note (id integer PRIMARY KEY);\n' });
    // The database holds the first test's migration too, which this directory does not have
    // (and which sorts after 0001_notes.sql).
    expect((await migrate({ url: db.url, directory, allowMissing: true, allowOutOfOrder: true })).applied).toEqual(['0001_notes.sql']);
    await writeFile(path.join(directory, '0001_notes.sql'), 'CREATE TABLE note (id integer PRIMARY KEY, body text);\n');
    await writeFile(path.join(directory, '0002_tags.sql'), 'CREATE TABLE tag (id integer PRIMARY KEY);\n');
    const error = await rejection(migrate({ url: db.url, directory }));
    expect(error).toBeInstanceOf(MigrationEditedError);
    expect(error).toMatchObject({ migration: '0001_notes.sql' });
    expect((error as Error).message).toMatch(
      /^migration 0001_notes\.sql was run with checksum sha256:[0-9a-f]{12}… but its file now has sha256:[0-9a-f]{12}…/,
    );
    expect(await relations(['tag'])).toEqual([]);
    const ledger = await session.query(`SELECT name, status FROM wesley.migrations WHERE name IN ('0001_notes.sql', '0002_tags.sql')`);
    expect(ledger.rows).toEqual([{ name: '0001_notes.sql', status: 'applied' }]);
    expect(
      (await migrationStatus(session, directory)).map((s) => [s.name, s.state]).filter(([name]) => name !== '0001_shipments.sql'),
    ).toEqual([
      ['0001_notes.sql', 'edited'],
      ['0002_tags.sql', 'pending'],
    ]);
  });

  it('an unreachable database is a ConnectionError that never shows the password', async () => {
    const url = `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${await freePort()}/postgres`;
    const directory = await migrationsDirectory({ '0001_x.sql': 'SELECT 1;' });
    const error = await rejection(migrate({ url, directory }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ sqlState: null });
    expect((error as Error).message).toMatch(
      /^could not connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres: connect ECONNREFUSED/,
    );
    expect(everything(error)).not.toContain(secret);
    expect(everything(error)).not.toContain(encodeURIComponent(secret));
  });

  it('a wrong password is a ConnectionError that never shows the password', async () => {
    const url = new URL(db.url);
    url.password = encodeURIComponent(secret);
    const directory = await migrationsDirectory({ '0001_x.sql': 'SELECT 1;' });
    const error = await rejection(migrate({ url: url.toString(), directory }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ sqlState: '28P01' });
    expect((error as Error).message).toContain('password authentication failed for user "postgres"');
    expect(everything(error)).not.toContain(secret);
    expect(everything(error)).not.toContain(encodeURIComponent(secret));
  });
});
