import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { batchSizingDefaults, compileSchema, planMigration, stableStringify, type SchemaIR } from '@wesley/core';
import { describeEachServer } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, type Connection } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import type { MigrateEvent } from '../../src/migrate/migrate-events.js';
import { buildCrashChild } from './support/build-crash-child.js';
import { runCrashChild } from './support/run-crash-child.js';
import { scratchDatabase } from './support/scratch-database.js';

/**
 * Backfill batches sized by time (core's nextBatchSize) on a real server: they grow from the
 * plan's batch size while the server is idle, shrink right after a batch that a writer's row lock
 * held up, update every row exactly once, and a run killed between batches resumes at its cursor.
 */

type Batch = Extract<MigrateEvent, { kind: 'batch' }>;

const compile = (body: string): SchemaIR => {
  const { ir, diagnostics } = compileSchema({ name: 's.graphql', body });
  if (ir === null) throw new Error(JSON.stringify(diagnostics));
  return ir;
};

const v1 = compile('type Item @wes_table { id: Int! @wes_pk n: Int! touched: Int! }');
// A volatile default: the new column is added empty and filled by a batched backfill.
const v2 = compile('type Item @wes_table { id: Int! @wes_pk n: Int! touched: Int! token: UUID! @wes_default(expr: "gen_random_uuid()") }');

/**
 * `rows` rows of `item`, and a trigger counting every update of a row in `touched`: a row
 * updated twice (a batch redone) or never shows there.
 */
async function seed(session: Connection, rows: number): Promise<void> {
  await session.query(`
    CREATE TABLE public.item (id integer PRIMARY KEY, n integer NOT NULL, touched integer NOT NULL);
    INSERT INTO public.item SELECT i, i, 0 FROM generate_series(1, ${rows}) AS i;
    CREATE FUNCTION public.count_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.touched := OLD.touched + 1; RETURN NEW; END $$;
    CREATE TRIGGER count_update BEFORE UPDATE ON public.item FOR EACH ROW EXECUTE FUNCTION public.count_update();
    ANALYZE public.item;
  `);
}

/** Rows by how often they were updated, and how many lack their token. */
async function census(session: Connection): Promise<{ readonly touched: Record<string, number>; readonly empty: number }> {
  const { rows } = await session.query<{ touched: number; count: string; empty: string }>(
    'SELECT touched, count(*) AS count, count(*) FILTER (WHERE token IS NULL) AS empty FROM public.item GROUP BY touched',
  );
  return {
    touched: Object.fromEntries(rows.map((row) => [String(row.touched), Number(row.count)])),
    empty: rows.reduce((sum, row) => sum + Number(row.empty), 0),
  };
}

/** A directory holding the plan from v1 to v2 for `session`'s server, planned with the default batch size (1,000 rows). */
async function planDirectory(session: Connection): Promise<string> {
  const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
  const { plan } = planMigration(v1, v2, { serverVersion: version });
  if (plan === null) throw new Error('no plan');
  const directory = await mkdtemp(path.join(tmpdir(), 'wesley-batch-size-'));
  await mkdir(path.join(directory, '0001_token'));
  await writeFile(path.join(directory, '0001_token', 'plan.json'), stableStringify(plan, 2));
  return directory;
}

let child: string;
beforeAll(async () => {
  child = await buildCrashChild();
}, 60_000);
afterAll(() => rm(path.dirname(child), { recursive: true, force: true }));

describeEachServer('migrate: backfill batches sized by time', (server) => {
  it('grows from the planned size on an idle server, shrinks after a batch a row lock held up, and updates every row once', async () => {
    const db = await scratchDatabase(server);
    const session = await connect(db.url);
    const locker = await connect(db.url);
    try {
      const rows = 300_000;
      await seed(session, rows);
      const directory = await planDirectory(session);
      // A writer takes a row two thirds in once the backfill has started (before, its table lock would hold up the step
      // adding the column), and keeps it until the backfill has waited for it 500 ms.
      const writer: { taken: Promise<unknown> | null } = { taken: null };
      const batches: Batch[] = [];
      const run = migrate({
        url: db.url,
        directory,
        // The wait below is a row lock's, which lock_timeout bounds too: long enough not to be cut short on a loaded machine.
        lockTimeoutMs: 10_000,
        onEvent: (event) => {
          if (event.kind !== 'batch') return;
          batches.push(event);
          writer.taken ??= locker.query('BEGIN').then(() => locker.query('SELECT 1 FROM public.item WHERE id = 200000 FOR UPDATE'));
        },
      });
      let ended = false;
      const ran = run.finally(() => (ended = true));
      // The run failing early ends the waits below; its error is thrown at `await ran`.
      ran.catch(() => undefined);
      while (writer.taken === null && !ended) await new Promise((resolve) => setTimeout(resolve, 10));
      await writer.taken;
      const lockerPid = Number((await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
      for (;;) {
        const { rows: waiting } = await session.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_catalog.pg_locks WHERE NOT granted AND locktype = 'transactionid' AND $1 = ANY (pg_catalog.pg_blocking_pids(pid))`,
          [lockerPid],
        );
        if (Number(waiting[0]?.n) > 0 || ended) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      await locker.query('COMMIT');
      await ran;

      const [first] = batches;
      expect(first?.rows).toBe(1000);
      // Each batch is of the size the one before it announced.
      batches.slice(1).forEach((batch, i) => expect(batch.rows).toBe(batches[i]?.nextRows));
      for (const batch of batches) {
        expect(batch.nextRows).toBeGreaterThanOrEqual(batchSizingDefaults.batchMinRows);
        expect(batch.nextRows).toBeLessThanOrEqual(batchSizingDefaults.batchMaxRows);
      }
      // The batch holding up the writer's row: ids are 1..rows, so each batch covers the next `rows` of them.
      const ends = batches.map((_, i) => batches.slice(0, i + 1).reduce((sum, batch) => sum + batch.rows, 0));
      const slow = ends.findIndex((end) => end >= 200_000);
      const held = batches[slow];
      const shown = batches.map((batch) => `${batch.rows}:${batch.heldMs}`).join(' ');
      if (held === undefined) throw new Error(`no batch reached the writer's row: ${shown}`);
      expect(held.heldMs, shown).toBeGreaterThanOrEqual(500);
      // Before the writer: batches grew from 1,000 rows.
      expect(Math.max(...batches.slice(0, slow).map((batch) => batch.rows)), shown).toBeGreaterThan(1000);
      // The held-up batch: the next one at once smaller, fitting the target at the rate it ran.
      expect(held.nextRows).toBeLessThan(held.rows);
      // The event's heldMs is rounded to the millisecond; the size was worked out from the exact time, within half a
      // millisecond of it either way (a 30,000-row batch held 500 ms moves by 6 rows per millisecond).
      const fits = (ms: number) =>
        Math.max(batchSizingDefaults.batchMinRows, Math.floor((held.rows * batchSizingDefaults.batchTargetMs) / ms));
      expect(held.nextRows, shown).toBeGreaterThanOrEqual(fits(held.heldMs + 0.5));
      expect(held.nextRows, shown).toBeLessThanOrEqual(fits(held.heldMs - 0.5));
      expect(batches.reduce((sum, batch) => sum + batch.rows, 0)).toBeGreaterThanOrEqual(rows);
      expect(await census(session)).toEqual({ touched: { 1: rows }, empty: 0 });
      await rm(directory, { recursive: true, force: true });
    } finally {
      await locker.close();
      await session.close();
      await db.drop();
    }
  }, 180_000);

  it('killed after its third batch, a run resumes at the cursor: every row updated once', async () => {
    const db = await scratchDatabase(server);
    const session = await connect(db.url);
    try {
      const rows = 100_000;
      await seed(session, rows);
      const directory = await planDirectory(session);
      const killed = await runCrashChild(child, db.url, directory, { killAtBatch: 3 });
      expect(killed.signal).toBe('SIGKILL');
      const { rows: saved } = await session.query<{ cursor: number[] }>(
        `SELECT cursor FROM wesley.steps WHERE step_id LIKE '%:backfill' AND status = 'running'`,
      );
      const cursor = saved[0]?.cursor[0];
      if (cursor === undefined) throw new Error(`no cursor saved: ${JSON.stringify(saved)}`);
      // Three batches: the crash child's target is never reached, so each is twice the one before, from the plan's 1,000 rows.
      expect(cursor).toBe(1000 + 2000 + 4000);
      // Exactly the rows up to the cursor are filled, each once.
      expect(await census(session)).toEqual({ touched: { 0: rows - cursor, 1: cursor }, empty: rows - cursor });

      const batches: Batch[] = [];
      await migrate({ url: db.url, directory, onEvent: (event) => event.kind === 'batch' && batches.push(event) });
      expect(batches[0]?.rows).toBe(1000);
      expect(batches.reduce((sum, batch) => sum + batch.rows, 0)).toBeGreaterThanOrEqual(rows - cursor);
      expect(await census(session)).toEqual({ touched: { 1: rows }, empty: 0 });
      await rm(directory, { recursive: true, force: true });
    } finally {
      await session.close();
      await db.drop();
    }
  }, 180_000);
});
