import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { beforeEach, expect, it } from 'vitest';
import { migrate } from '../../src/migrate/migrate.js';
import { listMigrationFiles } from '../../src/migrate/migration-files.js';
import { TransactionControlError } from '../../src/migrate/transaction-control-error.js';
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

/** Statements that act on a transaction of the file's own, each as the line of a file it is refused at, and what it is called. */
const refused: readonly [string, string][] = [
  ['ROLLBACK;', 'ROLLBACK'],
  ['abort ;', 'ROLLBACK'],
  ['COMMIT AND CHAIN;', 'COMMIT'],
  ['END;', 'COMMIT'],
  ['START TRANSACTION ISOLATION LEVEL SERIALIZABLE;', 'START TRANSACTION'],
  ['begin work;', 'BEGIN'],
  ['/* open it */ BEGIN;', 'BEGIN'],
  ['SAVEPOINT before_delete;', 'SAVEPOINT'],
  ['RELEASE before_delete;', 'RELEASE SAVEPOINT'],
  ['ROLLBACK TO SAVEPOINT before_delete;', 'ROLLBACK TO SAVEPOINT'],
  ["PREPARE TRANSACTION 'later';", 'PREPARE TRANSACTION'],
  ["COMMIT PREPARED 'later';", 'COMMIT PREPARED'],
  // psql's \; sends both as one query: the COMMIT would end the run's own transaction.
  ['SELECT 1 \\; COMMIT;', 'COMMIT'],
  ["SET LOCAL search_path = 'elsewhere';", 'SET LOCAL'],
  ['SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;', 'SET TRANSACTION'],
  ['LOCK TABLE item IN ACCESS EXCLUSIVE MODE;', 'LOCK TABLE'],
  ['DECLARE c CURSOR FOR SELECT 1;', 'DECLARE CURSOR'],
  // Allowed only outside a transaction block, as psql runs it; in Wesley's it would fail halfway through the file.
  ['DO $$ BEGIN INSERT INTO item VALUES (1); COMMIT; END $$;', 'COMMIT in a DO block'],
  ['DO LANGUAGE plpgsql $body$ BEGIN IF true THEN ROLLBACK; END IF; END $body$;', 'ROLLBACK in a DO block'],
];

/**
 * A SQL migration's own transaction control (docs/guarantees.md): psql would honour it, and
 * Wesley's transactions cannot, so the file is refused before the first statement of the run,
 * naming file:line and the statement. Statements that only look like it run as they are.
 */
describeEachServer('migrate: a SQL file with transactions of its own', (server) => {
  const db = useTestDatabase(server);

  beforeEach(async () => {
    const session = await db.connect();
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await session.close();
  });

  const snapshot = async () => {
    const session = await db.connect();
    try {
      const tables = await session.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'wesley') AND c.relkind = 'r' ORDER BY 1`,
      );
      const ledger = await session.query<{ name: string }>(
        `SELECT name FROM wesley.migrations UNION ALL SELECT migration FROM wesley.steps ORDER BY 1`,
      );
      return { tables: tables.rows.map((row) => row.name), ledger: ledger.rows.map((row) => row.name) };
    } finally {
      await session.close();
    }
  };

  it('the reported case: a ROLLBACK psql would honour refuses the file, and the one before it, before anything runs', async () => {
    const directory = await migrationsDirectory({
      '0001_before.sql': 'CREATE TABLE before_it (id integer);\n',
      '0002_items.sql': [
        'CREATE TABLE item (id integer);',
        'BEGIN;',
        'INSERT INTO item VALUES (1);',
        'ROLLBACK;',
        'INSERT INTO item VALUES (2);',
      ].join('\n'),
    });
    const error = await rejection(migrate({ url: db.url, directory }));
    expect(error).toBeInstanceOf(TransactionControlError);
    expect(error).toMatchObject({ code: 'WES153', migration: '0002_items.sql', line: 2, statement: 'BEGIN' });
    expect((error as Error).message).toBe('0002_items.sql:2: BEGIN (BEGIN;): a migration file may not control its own transactions');
    expect((error as TransactionControlError).help).toMatch(/^remove it: Wesley runs the file in transactions of its own/);
    expect(await snapshot()).toEqual({ tables: ['migrations', 'steps'], ledger: [] });
  });

  it.each(refused)('refuses %s (%s) at its line, with nothing applied', async (statement, what) => {
    const directory = await migrationsDirectory({
      '0001_items.sql': ['CREATE TABLE item (id integer);', '', '-- then:', statement, 'INSERT INTO item VALUES (2);'].join('\n'),
    });
    const error = await rejection(migrate({ url: db.url, directory }));
    expect(error).toBeInstanceOf(TransactionControlError);
    expect(error).toMatchObject({
      migration: '0001_items.sql',
      line: 4,
      statement: expect.stringMatching(new RegExp(`^${what}`)) as unknown,
    });
    expect(await snapshot()).toEqual({ tables: ['migrations', 'steps'], ledger: [] });
  });

  it('runs what only looks like transaction control: BEGIN in a DO block or a function body, PREPARE of a query, SET', async () => {
    const directory = await migrationsDirectory({
      '0001_items.sql': [
        'CREATE TABLE item (id integer);',
        'DO $$ BEGIN INSERT INTO item VALUES (1); END $$;',
        'CREATE FUNCTION two() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT 2; END;',
        'INSERT INTO item SELECT two();',
        'PREPARE three AS SELECT 3;',
        'INSERT INTO item VALUES (3);',
        'DEALLOCATE three;',
        "SET search_path = 'public';",
        "SELECT 'BEGIN; ROLLBACK;' AS text;",
        'INSERT INTO item VALUES (4) \\; INSERT INTO item VALUES (5);',
      ].join('\n'),
    });
    expect((await migrate({ url: db.url, directory })).applied).toEqual(['0001_items.sql']);
    const session = await db.connect();
    expect((await session.query<{ id: number }>('SELECT id FROM item ORDER BY id')).rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5]);
    await session.close();
  });

  it('on resume, looks only at what is still to run: statements an earlier run committed are not run again', async () => {
    const directory = await migrationsDirectory({
      '0001_items.sql': [
        'CREATE TABLE item (id integer);',
        'BEGIN;',
        'INSERT INTO item VALUES (1);',
        'COMMIT;',
        'INSERT INTO item VALUES (2);',
      ].join('\n'),
    });
    // As an earlier Wesley (which skipped BEGIN and COMMIT) left it: four statements committed.
    const session = await db.connect();
    await migrate({ url: db.url, directory: await migrationsDirectory({}) });
    await session.query('CREATE TABLE item (id integer); INSERT INTO item VALUES (1);');
    const [file] = await listMigrationFiles(directory);
    await session.query(
      `INSERT INTO wesley.migrations (name, checksum, kind, status, applied_by) VALUES ($1, $2, 'sql', 'running', 'earlier')`,
      [file?.name, file?.checksum],
    );
    await session.query(`INSERT INTO wesley.steps (migration, step_id, status, cursor) VALUES ($1, 'statements', 'running', '4')`, [
      file?.name,
    ]);
    expect((await migrate({ url: db.url, directory })).applied).toEqual(['0001_items.sql']);
    expect((await session.query<{ id: number }>('SELECT id FROM item ORDER BY id')).rows.map((row) => row.id)).toEqual([1, 2]);
    await session.close();
  });
});
