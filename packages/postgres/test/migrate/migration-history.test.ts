import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { beforeEach, expect, it } from 'vitest';
import { migrate } from '../../src/migrate/migrate.js';
import { MissingMigrationError, OutOfOrderMigrationError, RenamedMigrationError } from '../../src/migrate/history-errors.js';
import { migrationStatus } from '../../src/migrate/migration-status.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';

/** The error `promise` rejects with (a test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
}

const customers = 'CREATE TABLE customer (id integer PRIMARY KEY, credit integer NOT NULL);\n';
const credit = 'INSERT INTO customer VALUES (1, 100);\n';
const moreCredit = 'INSERT INTO customer VALUES (2, 200);\n';

/**
 * The directory against the ledger (docs/guarantees.md): a renamed migration is never run again,
 * a missing or out-of-order one only when allowed, all decided before the first statement.
 */
describeEachServer('migrate: renamed, missing and out-of-order migrations', (server) => {
  const db = useTestDatabase(server);

  // Each test starts from an empty database: no ledger, no tables.
  beforeEach(async () => {
    const session = await db.connect();
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await session.close();
  });

  const credits = async () => {
    const session = await db.connect();
    try {
      return (await session.query<{ credit: number }>('SELECT credit FROM customer ORDER BY id, credit')).rows.map((row) => row.credit);
    } finally {
      await session.close();
    }
  };
  const ledger = async () => {
    const session = await db.connect();
    try {
      return (await session.query<{ name: string }>('SELECT name FROM wesley.migrations ORDER BY name')).rows.map((row) => row.name);
    } finally {
      await session.close();
    }
  };
  const states = async (directory: string) => {
    const session = await db.connect();
    try {
      return (await migrationStatus(session, directory)).map((s) => [s.name, s.state]);
    } finally {
      await session.close();
    }
  };

  it('a renamed applied SQL file is refused, named as the rename, and never runs again, even with every allowance', async () => {
    const directory = await migrationsDirectory({ '0001_customer.sql': customers, '0002_credit.sql': credit });
    expect((await migrate({ url: db.url, directory })).applied).toEqual(['0001_customer.sql', '0002_credit.sql']);
    await rename(path.join(directory, '0002_credit.sql'), path.join(directory, '0002_credit_customer.sql'));
    await writeFile(path.join(directory, '0003_more.sql'), moreCredit);
    for (const allow of [{}, { allowMissing: true, allowOutOfOrder: true }]) {
      const error = await rejection(migrate({ url: db.url, directory, ...allow }));
      expect(error).toBeInstanceOf(RenamedMigrationError);
      expect(error).toMatchObject({ code: 'WES152', migrations: ['0002_credit_customer.sql'] });
      expect((error as Error).message).toMatch(
        /^0002_credit_customer\.sql is 0002_credit\.sql renamed \(the same sha256:[0-9a-f]{12}…\), which this database has already run: running it would apply it twice$/,
      );
      expect((error as RenamedMigrationError).help).toBe(
        'rename 0002_credit_customer.sql back to 0002_credit.sql; a change that must run again goes in a new migration',
      );
    }
    expect(await credits()).toEqual([100]);
    expect(await ledger()).toEqual(['0001_customer.sql', '0002_credit.sql']);
    expect(await states(directory)).toEqual([
      ['0001_customer.sql', 'applied'],
      ['0002_credit.sql', 'missing file'],
      ['0002_credit_customer.sql', 'renamed'],
      ['0003_more.sql', 'pending'],
    ]);
    // Renamed back, the run goes on with what is really new.
    await rename(path.join(directory, '0002_credit_customer.sql'), path.join(directory, '0002_credit.sql'));
    expect((await migrate({ url: db.url, directory })).applied).toEqual(['0003_more.sql']);
    expect(await credits()).toEqual([100, 200]);
  });

  it('a renamed planned migration, and one renamed to sort last, are refused the same way', async () => {
    const session = await db.connect();
    const v0 = compile('type Customer @wes_table { id: Int! @wes_pk credit: Int! }');
    const v1 = compile('type Customer @wes_table { id: Int! @wes_pk credit: Int! note: String }');
    const { json } = await planFile(session, v0, v1);
    await session.close();
    const directory = await migrationsDirectory({ '0001_customer.sql': customers, '0002_note/plan.json': json, '0003_credit.sql': credit });
    await migrate({ url: db.url, directory });
    await rename(path.join(directory, '0002_note'), path.join(directory, '0002_customer_note'));
    await rename(path.join(directory, '0003_credit.sql'), path.join(directory, '0009_credit.sql'));
    const error = await rejection(migrate({ url: db.url, directory, allowMissing: true }));
    expect(error).toBeInstanceOf(RenamedMigrationError);
    expect(error).toMatchObject({ migrations: ['0002_customer_note', '0009_credit.sql'] });
    expect((error as Error).message).toMatch(/^0002_customer_note is 0002_note renamed .*; 0009_credit\.sql is 0003_credit\.sql renamed /);
    expect(await credits()).toEqual([100]);
    expect(await ledger()).toEqual(['0001_customer.sql', '0002_note', '0003_credit.sql']);
  });

  it('an applied migration whose file is gone stops the run; --allow-missing lets the rest run', async () => {
    const directory = await migrationsDirectory({ '0001_customer.sql': customers, '0002_credit.sql': credit });
    await migrate({ url: db.url, directory });
    await rm(path.join(directory, '0002_credit.sql'));
    await writeFile(path.join(directory, '0003_more.sql'), moreCredit);
    const error = await rejection(migrate({ url: db.url, directory }));
    expect(error).toBeInstanceOf(MissingMigrationError);
    expect(error).toMatchObject({ code: 'WES150', migrations: ['0002_credit.sql'] });
    expect((error as Error).message).toBe('migration 0002_credit.sql was applied to this database but is not in the migrations directory');
    expect(await credits()).toEqual([100]);
    expect((await migrate({ url: db.url, directory, allowMissing: true })).applied).toEqual(['0003_more.sql']);
    expect(await credits()).toEqual([100, 200]);
    expect(await states(directory)).toEqual([
      ['0001_customer.sql', 'applied'],
      ['0002_credit.sql', 'missing file'],
      ['0003_more.sql', 'applied'],
    ]);
  });

  it('a file added below the last applied one is out of order: refused with nothing run, run when allowed', async () => {
    const directory = await migrationsDirectory({ '0001_customer.sql': customers, '0003_more.sql': moreCredit });
    await migrate({ url: db.url, directory });
    await writeFile(path.join(directory, '0002_credit.sql'), credit);
    await writeFile(path.join(directory, '0004_later.sql'), 'INSERT INTO customer VALUES (4, 400);\n');
    const error = await rejection(migrate({ url: db.url, directory }));
    expect(error).toBeInstanceOf(OutOfOrderMigrationError);
    expect(error).toMatchObject({ code: 'WES151', migrations: ['0002_credit.sql'] });
    expect((error as Error).message).toBe(
      '0002_credit.sql is pending but sorts before 0003_more.sql, which this database has already run: it would run out of order',
    );
    expect(await credits()).toEqual([200]);
    expect(await states(directory)).toEqual([
      ['0001_customer.sql', 'applied'],
      ['0002_credit.sql', 'out of order'],
      ['0003_more.sql', 'applied'],
      ['0004_later.sql', 'pending'],
    ]);
    expect((await migrate({ url: db.url, directory, allowOutOfOrder: true })).applied).toEqual(['0002_credit.sql', '0004_later.sql']);
    expect(await credits()).toEqual([100, 200, 400]);
  });

  it('a migration that failed before committing anything may be renamed or removed: nothing of it was applied', async () => {
    const directory = await migrationsDirectory({
      '0001_customer.sql': customers,
      '0002_credit.sql': 'INSERT INTO customer VALUES (1);\n',
    });
    await rejection(migrate({ url: db.url, directory }));
    await rm(path.join(directory, '0002_credit.sql'));
    await writeFile(path.join(directory, '0002_credit_fixed.sql'), credit);
    expect((await migrate({ url: db.url, directory })).applied).toEqual(['0002_credit_fixed.sql']);
    expect(await credits()).toEqual([100]);
  });
});
