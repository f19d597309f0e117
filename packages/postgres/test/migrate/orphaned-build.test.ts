import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import type { MigrateEvent } from '../../src/migrate/migrate-events.js';
import { buildCrashChild } from './support/build-crash-child.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';

/**
 * A concurrent index build outlives its migrator (issue 13, item 4): killed with SIGKILL while
 * its `CREATE INDEX CONCURRENTLY` waits for an old snapshot, the migrator leaves the build
 * running on the server. A run started at once must not collide with it (`tuple concurrently
 * updated`, a second build, a dropped index): it waits for the orphaned build to end, repairs
 * what it left, and builds the index once. Also, in one run: a build that timed out waiting is
 * retried only after the INVALID index it left is dropped.
 */

let child: string;
beforeAll(async () => {
  child = await buildCrashChild();
}, 60_000);
afterAll(() => rm(path.dirname(child), { recursive: true, force: true }));

/** A session holding a snapshot, which every concurrent index build waits for. */
async function oldSnapshot(session: Connection): Promise<() => Promise<void>> {
  await session.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  await session.query('SELECT 1');
  return async () => {
    await session.query('COMMIT');
  };
}

/** Waits until a concurrent index build in this database waits for a lock (the old snapshot); returns its backend's pid. */
async function buildWaiting(session: Connection): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await session.query<{ pid: number }>(
      `SELECT pid FROM pg_catalog.pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ~* 'INDEX\\s+CONCURRENTLY'`,
    );
    if (rows[0] !== undefined) return rows[0].pid;
    if (Date.now() > deadline) throw new Error('the concurrent index build never waited');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with the time at which backend `pid` is gone from the server. */
async function gone(session: Connection, pid: number): Promise<number> {
  for (;;) {
    const { rows } = await session.query('SELECT 1 FROM pg_catalog.pg_stat_activity WHERE pid = $1', [pid]);
    if (rows.length === 0) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs the bundled migrator in a child process and kills it with SIGKILL once its index build waits; returns that build's backend pid. */
async function killDuringBuild(session: Connection, url: string, directory: string): Promise<number> {
  const process = spawn(globalThis.process.execPath, [child, JSON.stringify({ url, directory })], { stdio: 'ignore' });
  const exited = new Promise((resolve) => process.on('exit', resolve));
  const pid = await buildWaiting(session);
  process.kill('SIGKILL');
  await exited;
  return pid;
}

/** The indexes of `table` besides its primary key: name and whether valid. */
async function indexes(session: Connection, table: string) {
  const { rows } = await session.query<{ name: string; valid: boolean }>(
    `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass AND NOT i.indisprimary ORDER BY 1`,
    [table],
  );
  return rows;
}

describeEachServer('migrate: a migrator killed during a concurrent index build, run again at once', (server) => {
  const db = useTestDatabase(server);

  async function fresh(): Promise<Connection> {
    const session = await db.connect();
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE');
    await session.query('DROP SCHEMA IF EXISTS app CASCADE');
    await session.query('DROP TABLE IF EXISTS public.account');
    return session;
  }

  /**
   * Kills the first run during its build and runs again at once; the snapshot goes after 1.5 s,
   * or (`until: 'resumed'`) only once the re-run has started on the migration. The re-run must not
   * start before the orphaned build's backend is gone.
   */
  async function killAndRerun(session: Connection, directory: string, until: 'resumed' | 1500 = 1500) {
    const holder = await db.connect();
    const release = await oldSnapshot(holder);
    const orphan = await killDuringBuild(session, db.url, directory);
    const killedAt = Date.now();
    const orphanGone = gone(await db.connect(), orphan);
    let resumedAt = Number.NaN;
    const rerun = migrate({
      url: db.url,
      directory,
      lock: { pollMs: 20, timeoutMs: 30_000 },
      onEvent: (event: MigrateEvent) => {
        if (event.kind !== 'migration-start') return;
        resumedAt = Date.now();
        if (until === 'resumed') void release();
      },
    });
    if (until !== 'resumed') {
      await new Promise((resolve) => setTimeout(resolve, until));
      await release();
    }
    const result = await rerun;
    // The poll for the orphan's exit runs every few milliseconds; the snapshot was held 1.5 s.
    expect(resumedAt - (await orphanGone), 'ms from the orphaned build’s end to the re-run’s start').toBeGreaterThan(-200);
    return { result, waitedMs: resumedAt - killedAt };
  }

  it('the report: a SQL file’s CREATE INDEX CONCURRENTLY ends valid, once', { timeout: 30_000 }, async () => {
    const session = await fresh();
    const directory = await migrationsDirectory({
      '0001_account.sql': [
        'CREATE TABLE public.account (id integer PRIMARY KEY, email text);',
        "INSERT INTO public.account SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 1000) AS g;",
        'CREATE INDEX CONCURRENTLY account_email_idx ON public.account (email);',
        "INSERT INTO public.account VALUES (1001, 'last@example.com');",
      ].join('\n'),
    });
    const { result } = await killAndRerun(session, directory);
    expect(result.applied).toEqual(['0001_account.sql']);
    expect(await indexes(session, 'public.account')).toEqual([{ name: 'account_email_idx', valid: true }]);
    const { rows } = await session.query('SELECT count(*)::int AS n FROM public.account');
    expect(rows).toEqual([{ n: 1001 }]);
  });

  it('a pg_dump-style file (search_path empty, a unique index in a schema of its own) ends valid, once', { timeout: 30_000 }, async () => {
    const session = await fresh();
    const directory = await migrationsDirectory({
      '0001_app.sql': [
        "SELECT pg_catalog.set_config('search_path', '', false);",
        'CREATE SCHEMA app;',
        'CREATE TABLE app."Member" (id integer PRIMARY KEY, handle text NOT NULL);',
        'INSERT INTO app."Member" SELECT g, \'m\' || g FROM generate_series(1, 1000) AS g;',
        'CREATE UNIQUE INDEX CONCURRENTLY "Member_handle_key" ON app."Member" USING btree (handle);',
      ].join('\n'),
    });
    const { result } = await killAndRerun(session, directory);
    expect(result.applied).toEqual(['0001_app.sql']);
    expect(await indexes(session, 'app."Member"')).toEqual([{ name: 'Member_handle_key', valid: true }]);
  });

  it(
    'an orphaned build that would wait as long as the snapshot is held is ended by the server within seconds',
    { timeout: 30_000 },
    async () => {
      const session = await fresh();
      const directory = await migrationsDirectory({
        '0001_account.sql': [
          'CREATE TABLE public.account (id integer PRIMARY KEY, email text);',
          'CREATE INDEX CONCURRENTLY account_email_idx ON public.account (email);',
        ].join('\n'),
      });
      const { result, waitedMs } = await killAndRerun(session, directory, 'resumed');
      expect(result.applied).toEqual(['0001_account.sql']);
      // client_connection_check_interval is 1 s: the orphan notices its client is gone within it.
      expect(waitedMs).toBeLessThan(3000);
      expect(await indexes(session, 'public.account')).toEqual([{ name: 'account_email_idx', valid: true }]);
    },
  );

  it('a planned add-index step ends valid, once, its ledger row applied', { timeout: 30_000 }, async () => {
    const session = await fresh();
    const v0 = compile('type Account @wes_table { id: Int! @wes_pk email: String }');
    const v1 = compile('type Account @wes_table { id: Int! @wes_pk email: String @wes_index }');
    await session.query('CREATE TABLE public.account (id integer PRIMARY KEY, email text)');
    await session.query(`INSERT INTO public.account SELECT g, 'user' || g FROM generate_series(1, 1000) AS g`);
    const { plan, json } = await planFile(session, v0, v1);
    const directory = await migrationsDirectory({ '0001_email_index/plan.json': json });
    const { result } = await killAndRerun(session, directory);
    expect(result.applied).toEqual(['0001_email_index']);
    expect(await indexes(session, 'public.account')).toEqual([{ name: 'account_email_idx', valid: true }]);
    const steps = await session.query(`SELECT step_id, status FROM wesley.steps WHERE migration = '0001_email_index'`);
    expect(steps.rows).toEqual(plan.steps.map((step) => ({ step_id: step.id, status: 'applied' })));
  });
});

describeEachServer('migrate: a concurrent index build that times out waiting, retried in the same run', (server) => {
  const db = useTestDatabase(server);

  for (const retriesBeforeRelease of [1, 3]) {
    it(`drops the INVALID index it left before each retry (snapshot released after ${retriesBeforeRelease} retries)`, async () => {
      const session = await db.connect();
      await session.query('DROP SCHEMA IF EXISTS wesley CASCADE');
      await session.query('DROP TABLE IF EXISTS public.account');
      const directory = await migrationsDirectory({
        '0001_account.sql': [
          'CREATE TABLE public.account (id integer PRIMARY KEY, email text);',
          "INSERT INTO public.account SELECT g, 'user' || g FROM generate_series(1, 100) AS g;",
          'CREATE INDEX CONCURRENTLY account_email_idx ON public.account (email);',
        ].join('\n'),
      });
      const holder = await db.connect();
      const release = await oldSnapshot(holder);
      let retries = 0;
      const result = await migrate({
        url: db.url,
        directory,
        concurrentLockTimeoutMs: 300,
        backoffMs: 10,
        onEvent: (event) => {
          if (event.kind === 'step-retry' && ++retries === retriesBeforeRelease) void release();
        },
      });
      expect(result.applied).toEqual(['0001_account.sql']);
      expect(retries).toBeGreaterThanOrEqual(retriesBeforeRelease);
      expect(await indexes(session, 'public.account')).toEqual([{ name: 'account_email_idx', valid: true }]);
    });
  }
});
