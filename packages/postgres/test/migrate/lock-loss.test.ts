import { quoteIdent } from '@wesley/core';
import { describeEachServer, useTestDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { migrate, type MigrateResult } from '../../src/migrate/migrate.js';
import { MigrationLockLostError } from '../../src/migrate/migration-lock-lost-error.js';
import { lockHolder, waitForStatement } from './support/lock-holder.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';
import { startTcpProxy } from './support/tcp-proxy.js';

/**
 * A lost migration lock (issue 13, item 1): the session holding the lock can end while a run
 * goes on (`pg_terminate_backend`, a cut connection, a server-side timeout). The run must stop
 * before its next commit, and the next migrator must carry on from what was committed, so that
 * every statement is applied exactly once. Each migration inserts one row per statement into
 * `applied`; counting them is the verdict.
 */

/** Eight numbered statements in two files; each marker statement sleeps in a stretch of its own. */
const rowsMigrations = {
  '0001_rows.sql': [
    'CREATE TABLE applied (statement integer NOT NULL);',
    'INSERT INTO applied VALUES (1);',
    `SELECT pg_sleep(0.8) AS "point-1";`,
    'INSERT INTO applied VALUES (2);',
    'CREATE INDEX CONCURRENTLY applied_statement ON applied (statement);',
    'INSERT INTO applied VALUES (3);',
    `SELECT pg_sleep(0.8) AS "point-2";`,
    'INSERT INTO applied VALUES (4);',
  ].join('\n'),
  '0002_more.sql': ['INSERT INTO applied VALUES (5);', `SELECT pg_sleep(0.8) AS "point-3";`, 'INSERT INTO applied VALUES (6);'].join('\n'),
};

type Settled = PromiseSettledResult<MigrateResult>;

/** Each statement's row count, and the ledger: what every round must end with. */
async function outcome(session: Connection) {
  const rows = await session.query<{ statement: number; n: number }>(
    'SELECT statement, count(*)::int AS n FROM applied GROUP BY statement ORDER BY statement',
  );
  const ledger = await session.query<{ name: string; status: string }>('SELECT name, status FROM wesley.migrations ORDER BY name');
  return { rows: rows.rows, ledger: ledger.rows };
}

const exactlyOnce = {
  rows: [1, 2, 3, 4, 5, 6].map((statement) => ({ statement, n: 1 })),
  ledger: [
    { name: '0001_rows.sql', status: 'applied' },
    { name: '0002_more.sql', status: 'applied' },
  ],
};

/** The first migrator lost its lock, said so with the migration it was in, and the second finished the work. */
/**
 * `run`'s outcome, its rejection handled at once: a migrator that loses its lock fails while the
 * test is still busy ending its session, and an unawaited rejection would fail the whole run.
 */
function settle<T>(run: Promise<T>): Promise<PromiseSettledResult<T>> {
  return run.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}

function expectTakenOver(first: Settled, second: Settled, migration: string): void {
  expect(first.status).toBe('rejected');
  const error = (first as PromiseRejectedResult).reason as unknown;
  expect(error).toBeInstanceOf(MigrationLockLostError);
  expect((error as MigrationLockLostError).code).toBe('WES140');
  expect((error as MigrationLockLostError).migration).toBe(migration);
  expect((error as Error).message).toMatch(new RegExp(`lost the "wesley" migration lock in ${migration.replace('.', '\\.')}`));
  expect(second.status).toBe('fulfilled');
}

describeEachServer('migrate: the lock session ends during the run', (server) => {
  const db = useTestDatabase(server);

  async function fresh(session: Connection): Promise<void> {
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE');
    await session.query('DROP TABLE IF EXISTS applied');
  }

  const points = [
    { point: 'point-1', migration: '0001_rows.sql' },
    { point: 'point-2', migration: '0001_rows.sql' },
    { point: 'point-3', migration: '0002_more.sql' },
  ];

  for (const { point, migration } of points) {
    it(`pg_terminate_backend of the lock's session at ${point}: the run stops, the next carries on, each statement once`, async () => {
      const session = await db.connect();
      await fresh(session);
      const directory = await migrationsDirectory(rowsMigrations);
      const first = settle(migrate({ url: db.url, directory, appliedBy: 'first' }));
      await waitForStatement(session, point);
      const holder = await lockHolder(session);
      expect(holder).not.toBeNull();
      await session.query('SELECT pg_catalog.pg_terminate_backend($1)', [holder?.pid]);
      const second = settle(migrate({ url: db.url, directory, appliedBy: 'second', lock: { pollMs: 20 } }));
      const [a, b] = await Promise.all([first, second]);
      expectTakenOver(a, b, migration);
      expect(await outcome(session)).toEqual(exactlyOnce);
    });

    it(`the lock's TCP connection cut at ${point}: the run stops, the next carries on, each statement once`, async () => {
      const session = await db.connect();
      await fresh(session);
      const directory = await migrationsDirectory(rowsMigrations);
      const proxy = await startTcpProxy(db.url);
      try {
        const first = settle(migrate({ url: proxy.url, directory, appliedBy: 'first' }));
        await waitForStatement(session, point);
        const holder = await lockHolder(session);
        expect(holder).not.toBeNull();
        expect(proxy.cut(holder?.clientPort)).toBe(1);
        const second = settle(migrate({ url: db.url, directory, appliedBy: 'second', lock: { pollMs: 20 } }));
        const [a, b] = await Promise.all([first, second]);
        expectTakenOver(a, b, migration);
        expect(await outcome(session)).toEqual(exactlyOnce);
      } finally {
        await proxy.close();
      }
    });
  }

  it('SQL in the migration that releases the lock (pg_advisory_unlock_all) stops the run before its stretch commits', async () => {
    const session = await db.connect();
    await fresh(session);
    const directory = await migrationsDirectory({
      '0001_meddle.sql': ['CREATE TABLE meddled (n integer);', 'INSERT INTO meddled VALUES (1);', 'SELECT pg_advisory_unlock_all();'].join(
        '\n',
      ),
    });
    const error = await migrate({ url: db.url, directory }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationLockLostError);
    expect((error as MigrationLockLostError).migration).toBe('0001_meddle.sql');
    const { rows } = await session.query<{ present: boolean }>(`SELECT to_regclass('public.meddled') IS NOT NULL AS present`);
    expect(rows).toEqual([{ present: false }]);
  });
});

/**
 * `idle_session_timeout` set on the database (or the role): the server ends any session idle
 * for that long. The report's case: the lock's own session was idle, was ended after 1 s, and a
 * second migrator started 2 s later ran what the first was still running.
 */
describeEachServer('migrate: idle_session_timeout on the database', (server) => {
  const db = useTestDatabase(server);

  /** Runs `body` with `idle_session_timeout = 1s` for the sessions opened meanwhile (`scope`: the database, or the role in it). */
  async function withIdleTimeout(
    db: TestDatabase,
    scope: 'database' | 'role',
    body: (session: Connection) => Promise<void>,
  ): Promise<void> {
    const session = await db.connect();
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE');
    const target =
      scope === 'database'
        ? `DATABASE ${quoteIdent(db.name)}`
        : `ROLE ${quoteIdent((await session.query<{ u: string }>('SELECT current_user AS u')).rows[0]?.u ?? '')} IN DATABASE ${quoteIdent(db.name)}`;
    await session.query(`ALTER ${target} SET idle_session_timeout = '1s'`);
    try {
      await body(session);
    } finally {
      await session.query(`ALTER ${target} RESET idle_session_timeout`);
    }
  }

  it('the report: a second migrator started 2 s into a 3 s statement applies nothing twice', async () => {
    await withIdleTimeout(db, 'database', async (session) => {
      const directory = await migrationsDirectory({
        '0001_credit.sql': [
          'CREATE TABLE credit (amount integer NOT NULL);',
          'INSERT INTO credit VALUES (100);',
          'SELECT pg_sleep(3);',
          'INSERT INTO credit VALUES (200);',
        ].join('\n'),
      });
      const first = migrate({ url: db.url, directory, appliedBy: 'first' });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const second = await migrate({ url: db.url, directory, appliedBy: 'second', lock: { pollMs: 20 } });
      expect((await first).applied).toEqual(['0001_credit.sql']);
      expect(second.applied).toEqual([]);
      const { rows } = await session.query<{ amount: number }>('SELECT amount FROM credit ORDER BY amount');
      expect(rows.map((row) => row.amount)).toEqual([100, 200]);
    });
  });

  it('a plan whose concurrent index build waits 3 s: the second migrator neither repairs nor rebuilds it', async () => {
    await withIdleTimeout(db, 'database', async (session) => {
      const v0 = compile('type Note @wes_table { id: Int! @wes_pk body: String }');
      const v1 = compile('type Note @wes_table { id: Int! @wes_pk body: String @wes_index }');
      await session.query('CREATE TABLE note (id integer PRIMARY KEY, body text)');
      const { json } = await planFile(session, v0, v1);
      const directory = await migrationsDirectory({ '0001_note_body/plan.json': json });
      // An old snapshot, which the build waits for.
      const holder = await db.connect();
      await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await holder.query('SELECT 1');
      const first = migrate({ url: db.url, directory, appliedBy: 'first' });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const second = migrate({ url: db.url, directory, appliedBy: 'second', lock: { pollMs: 20 } });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await holder.query('COMMIT');
      const [a, b] = await Promise.all([first, second]);
      expect(a.applied).toEqual(['0001_note_body']);
      expect(b.applied).toEqual([]);
      const { rows } = await session.query(
        `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid = 'note'::regclass AND NOT i.indisprimary`,
      );
      expect(rows).toEqual([{ name: 'note_body_idx', valid: true }]);
      const steps = await session.query(`SELECT step_id, status, attempts FROM wesley.steps WHERE migration = '0001_note_body'`);
      expect(steps.rows).toEqual([{ step_id: 'add-index:note.note_body_idx', status: 'applied', attempts: 1 }]);
    });
  });

  it('set on the role: a backfill pausing 1.5 s between batches runs to its end', async () => {
    await withIdleTimeout(db, 'role', async (session) => {
      const v0 = compile('type Tally @wes_table { id: Int! @wes_pk }');
      const v1 = compile('type Tally @wes_table { id: Int! @wes_pk token: UUID! @wes_default(expr: "gen_random_uuid()") }');
      await session.query('CREATE TABLE tally (id integer PRIMARY KEY)');
      await session.query('INSERT INTO tally SELECT generate_series(1, 30)');
      const { rows: version } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
      const { planMigration, stableStringify } = await import('@wesley/core');
      const { plan } = planMigration(v0, v1, { serverVersion: Number(version[0]?.v), batchSize: 10 });
      if (plan === null) throw new Error('no plan');
      const directory = await migrationsDirectory({ '0001_score/plan.json': stableStringify(plan, 2) });
      const first = migrate({ url: db.url, directory, appliedBy: 'first', batchPauseMs: 1500 });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const second = await migrate({ url: db.url, directory, appliedBy: 'second', lock: { pollMs: 20 } });
      expect((await first).applied).toEqual(['0001_score']);
      expect(second.applied).toEqual([]);
      const { rows } = await session.query('SELECT count(*)::int AS n, count(DISTINCT token)::int AS filled FROM tally');
      expect(rows).toEqual([{ n: 30, filled: 30 }]);
    });
  });
});
