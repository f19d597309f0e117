import { planMigration, stableStringify } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import type { MigrateEvent } from '../../src/migrate/migrate-events.js';
import { migrate, type MigrateOptions } from '../../src/migrate/migrate.js';
import type { MigrationClock, MigrationWindows } from '../../src/migrate/migration-gate.js';
import { compile, migrationsDirectory } from './support/migrations-directory.js';

/**
 * Windows and throttling (issue 17, item 4), with an injected clock: `expand` runs at once, the
 * other phases only inside a window; a window closing mid-backfill stops after the batch under
 * way, and the next run resumes from the saved cursor without redoing a batch; a load over a
 * limit pauses the backfill until it drops.
 */

const hour = 3_600_000;
const start = Date.parse('2026-12-07T12:00:00Z');

/** A clock that moves only when slept on or set. */
function fakeClock(at: number): MigrationClock & { at: number; slept: number[] } {
  const clock = {
    at,
    slept: [] as number[],
    now: () => clock.at,
    sleep: (ms: number) => {
      clock.slept.push(ms);
      clock.at += ms;
      return Promise.resolve('slept' as const);
    },
  };
  return clock;
}

/** One window, from `opens` to `closes`, then again a day later. */
function oneWindow(opens: number, closes: number): MigrationWindows {
  return {
    at: (now) => {
      if (now >= opens && now < closes) return { open: true, closesAtMs: closes };
      const opensAtMs = now < opens ? opens : opens + 24 * hour;
      return { open: false, opensAtMs, opensAt: new Date(opensAtMs).toISOString() };
    },
  };
}

const v0 = compile('type Tally @wes_table { id: Int! @wes_pk }');
const v1 = compile('type Tally @wes_table { id: Int! @wes_pk token: UUID! @wes_default(expr: "gen_random_uuid()") }');

describeEachServer('migrate: windows and throttling', (server) => {
  const db = useTestDatabase(server);

  /** 300 rows, a plan adding a column filled in batches (the first of 100), and a log of every row update. */
  async function setUp(session: Connection): Promise<string> {
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE');
    await session.query('DROP TABLE IF EXISTS tally, touched');
    await session.query('CREATE TABLE tally (id integer PRIMARY KEY)');
    await session.query('INSERT INTO tally SELECT generate_series(1, 300)');
    await session.query('CREATE TABLE touched (id integer NOT NULL)');
    await session.query(`CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO touched VALUES (NEW.id); RETURN NEW; END $$`);
    await session.query('CREATE TRIGGER touch AFTER UPDATE ON tally FOR EACH ROW EXECUTE FUNCTION touch()');
    const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
    const { plan } = planMigration(v0, v1, { serverVersion: version, batchSize: 100 });
    if (plan === null) throw new Error('no plan');
    return migrationsDirectory({ '0001_token/plan.json': stableStringify(plan, 2) });
  }

  async function ledger(session: Connection) {
    const migrations = await session.query<{ status: string }>('SELECT status FROM wesley.migrations');
    const steps = await session.query<{ step_id: string; status: string; cursor: unknown }>(
      'SELECT step_id, status, cursor FROM wesley.steps ORDER BY started_at, step_id',
    );
    return { migration: migrations.rows[0]?.status, steps: steps.rows };
  }

  /** Every row updated exactly once, and filled. */
  async function filledOnce(session: Connection): Promise<void> {
    const { rows } = await session.query(
      `SELECT (SELECT count(*)::int FROM touched) AS updates, (SELECT count(DISTINCT id)::int FROM touched) AS rows,
              (SELECT count(*)::int FROM tally WHERE token IS NULL) AS empty`,
    );
    expect(rows).toEqual([{ updates: 300, rows: 300, empty: 0 }]);
  }

  it('outside a window applies only expand and says when the next one opens; inside, it finishes', async () => {
    const session = await db.connect();
    const directory = await setUp(session);
    const clock = fakeClock(start);
    const windows = oneWindow(start + 13 * hour, start + 17 * hour);
    const events: MigrateEvent[] = [];
    const options: MigrateOptions = { url: db.url, directory, windows, clock, onEvent: (event) => events.push(event) };

    const outside = await migrate(options);
    expect(outside).toEqual({
      applied: [],
      stoppedIn: '0001_token',
      gateStop: { kind: 'window', opensAtMs: start + 13 * hour, opensAt: '2026-12-08T01:00:00.000Z' },
    });
    expect(events.find((event) => event.kind === 'window-closed')).toEqual({
      kind: 'window-closed',
      migration: '0001_token',
      stepId: 'add-column:tally.token:backfill',
      opensAt: '2026-12-08T01:00:00.000Z',
      opensAtUtc: '2026-12-08T01:00:00.000Z',
      waiting: false,
    });
    expect(events.some((event) => event.kind === 'migration-stopped')).toBe(false);
    expect(await ledger(session)).toEqual({
      migration: 'running',
      steps: [{ step_id: 'add-column:tally.token:add', status: 'applied', cursor: null }],
    });
    expect((await session.query('SELECT count(*)::int AS n FROM tally WHERE token IS NULL')).rows).toEqual([{ n: 300 }]);

    clock.at = start + 14 * hour;
    const inside = await migrate(options);
    expect(inside).toEqual({ applied: ['0001_token'], stoppedIn: null, gateStop: null });
    await filledOnce(session);
    expect((await ledger(session)).migration).toBe('applied');
  });

  it('stops after the batch under way when the window closes, and a later run resumes without redoing a batch', async () => {
    const session = await db.connect();
    const directory = await setUp(session);
    const closes = start + hour;
    const clock = fakeClock(start);
    const windows = oneWindow(start - hour, closes);
    const batches: string[] = [];
    // The window closes while the first batch runs.
    const onEvent = (event: MigrateEvent) => {
      if (event.kind !== 'batch') return;
      batches.push(event.stepId);
      clock.at = closes;
    };
    const first = await migrate({ url: db.url, directory, windows, clock, onEvent });
    expect(first).toMatchObject({ applied: [], stoppedIn: '0001_token', gateStop: { kind: 'window', opensAtMs: start + 23 * hour } });
    expect(batches).toHaveLength(1);
    expect((await ledger(session)).steps).toEqual([
      { step_id: 'add-column:tally.token:add', status: 'applied', cursor: null },
      { step_id: 'add-column:tally.token:backfill', status: 'running', cursor: [100] },
    ]);
    expect((await session.query('SELECT count(*)::int AS n FROM touched')).rows).toEqual([{ n: 100 }]);
    // A row locked FOR UPDATE (and the version an update makes under that lock) keeps the locking transaction in xmax.
    const lockers = `SELECT DISTINCT xmax::text AS x FROM tally WHERE id <= 100`;
    const firstBatch = (await session.query(lockers)).rows;
    expect(firstBatch).toHaveLength(1);

    clock.at = start + 23 * hour;
    const resumed: MigrateEvent[] = [];
    const second = await migrate({
      url: db.url,
      directory,
      windows: oneWindow(start + 23 * hour, start + 27 * hour),
      clock,
      onEvent: (e) => resumed.push(e),
    });
    expect(second).toEqual({ applied: ['0001_token'], stoppedIn: null, gateStop: null });
    await filledOnce(session);
    // The first batch's rows were not selected again: no later transaction locked them.
    expect((await session.query(lockers)).rows).toEqual(firstBatch);
    expect(resumed.some((event) => event.kind === 'batch')).toBe(true);
  });

  it('with wait, sleeps until the window opens and finishes in the same run', async () => {
    const session = await db.connect();
    const directory = await setUp(session);
    const clock = fakeClock(start);
    const events: MigrateEvent[] = [];
    const result = await migrate({
      url: db.url,
      directory,
      windows: oneWindow(start + 3 * hour, start + 5 * hour),
      wait: true,
      clock,
      onEvent: (event) => events.push(event),
    });
    expect(result).toEqual({ applied: ['0001_token'], stoppedIn: null, gateStop: null });
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(3 * hour);
    expect(events.filter((event) => event.kind.startsWith('window-'))).toEqual([
      expect.objectContaining({ kind: 'window-closed', waiting: true, stepId: 'add-column:tally.token:backfill' }),
      { kind: 'window-open', migration: '0001_token', stepId: 'add-column:tally.token:backfill', waitedMs: 3 * hour },
    ]);
    await filledOnce(session);
  });

  it('an interrupted wait stops cleanly, and the next run goes on', async () => {
    const session = await db.connect();
    const directory = await setUp(session);
    const clock: MigrationClock = { now: () => start, sleep: () => Promise.resolve('interrupted') };
    const windows = oneWindow(start + 3 * hour, start + 5 * hour);
    expect(await migrate({ url: db.url, directory, windows, wait: true, clock })).toEqual({
      applied: [],
      stoppedIn: '0001_token',
      gateStop: { kind: 'interrupted' },
    });
    expect(await migrate({ url: db.url, directory })).toMatchObject({ applied: ['0001_token'] });
    await filledOnce(session);
  });

  it('pauses a backfill while the replica lag is over the limit, and goes on when it drops', async () => {
    const session = await db.connect();
    const directory = await setUp(session);
    const clock = fakeClock(start);
    const lags = [50, 4000, 6000, 3000, 200];
    const events: MigrateEvent[] = [];
    const result = await migrate({
      url: db.url,
      directory,
      clock,
      throttle: {
        maxReplicaLagMs: 1000,
        readLoad: () => Promise.resolve({ replicaLagMs: lags.shift() ?? 0, activeSessions: 0 }),
      },
      onEvent: (event) => events.push(event),
    });
    expect(result.applied).toEqual(['0001_token']);
    const kinds = events.filter((event) => ['batch', 'throttle', 'throttle-end'].includes(event.kind));
    expect(kinds.map((event) => event.kind).slice(0, 4)).toEqual(['batch', 'throttle', 'throttle-end', 'batch']);
    expect(kinds.filter((event) => event.kind === 'throttle')).toHaveLength(1);
    expect(kinds[1]).toEqual({
      kind: 'throttle',
      migration: '0001_token',
      stepId: 'add-column:tally.token:backfill',
      limit: { kind: 'replica-lag', value: 4000, max: 1000 },
    });
    // Three readings over the limit: pauses of 250, 500 and 1,000 ms.
    expect(clock.slept).toEqual([250, 500, 1000]);
    expect(kinds[2]).toMatchObject({ kind: 'throttle-end', pausedMs: 1750 });
    await filledOnce(session);
  });

  it('pauses while other sessions run queries past maxActiveSessions, read from pg_stat_activity', async () => {
    const session = await db.connect();
    const directory = await setUp(session);
    const busy = await db.connect();
    const running = busy.query('SELECT pg_sleep(1.5)');
    try {
      const events: MigrateEvent[] = [];
      const result = await migrate({ url: db.url, directory, throttle: { maxActiveSessions: 0 }, onEvent: (event) => events.push(event) });
      expect(result.applied).toEqual(['0001_token']);
      const throttle = events.find((event) => event.kind === 'throttle');
      expect(throttle).toMatchObject({ limit: { kind: 'active-sessions', max: 0 } });
      const ended = events.find((event) => event.kind === 'throttle-end');
      expect(ended).toBeDefined();
      // The query in the other session was running when the backfill started, and the pause lasted until it ended.
      await running;
    } finally {
      await running.catch(() => undefined);
      await busy.close();
    }
    await filledOnce(session);
  }, 60_000);

  it('a throttle pause ends at the window close, which stops the backfill', async () => {
    const session = await db.connect();
    const directory = await setUp(session);
    const clock = fakeClock(start);
    const windows = oneWindow(start - hour, start + 600);
    const events: MigrateEvent[] = [];
    const result = await migrate({
      url: db.url,
      directory,
      windows,
      clock,
      throttle: { maxActiveSessions: 5, readLoad: () => Promise.resolve({ replicaLagMs: null, activeSessions: 9 }) },
      onEvent: (event) => events.push(event),
    });
    expect(result).toMatchObject({ stoppedIn: '0001_token', gateStop: { kind: 'window' } });
    expect(clock.slept).toEqual([250, 350]);
    expect(events.map((event) => event.kind).filter((kind) => kind.startsWith('throttle') || kind.startsWith('window'))).toEqual([
      'throttle',
      'window-closed',
    ]);
    expect((await session.query('SELECT count(*)::int AS n FROM touched')).rows).toEqual([{ n: 0 }]);
  });
});
