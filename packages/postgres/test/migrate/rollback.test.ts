import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { planMigration, stableStringify, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { connect } from '../../src/connect/connect.js';
import { StepFailedError } from '../../src/execute/step-failed-error.js';
import { ensureLedger, readMigrations, readSteps, setMigrationStatus } from '../../src/migrate/ledger.js';
import { migrate } from '../../src/migrate/migrate.js';
import { fileChecksum } from '../../src/migrate/migration-files.js';
import { migrationStatus } from '../../src/migrate/migration-status.js';
import { rollbackMigration } from '../../src/migrate/rollback-migration.js';
import { buildCrashChild } from './support/build-crash-child.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';
import { runCrashChild } from './support/run-crash-child.js';
import { scratchDatabase } from './support/scratch-database.js';

/**
 * `wesley migrate rollback` (issue 15): a planned migration stopped by a failing step is undone
 * by its recorded rollbacks, last step first, and may then be replaced by a plan made again.
 */

const v1 = compile('type Account @wes_table { id: Int! @wes_pk email: String }');
// The unique constraint fails on the duplicate emails the test inserts, after the column and index are in.
const v2 = compile(
  'type Account @wes_table { id: Int! @wes_pk email: String @wes_unique score: Int @wes_default(value: 0) nick: String @wes_index }',
);
const v3 = compile('type Account @wes_table { id: Int! @wes_pk email: String score: Int @wes_default(value: 0) }');

async function columns(session: Connection): Promise<string[]> {
  const { rows } = await session.query<{ c: string }>(
    `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'account' ORDER BY column_name`,
  );
  return rows.map((row) => row.c);
}

async function indexes(session: Connection): Promise<string[]> {
  const { rows } = await session.query<{ i: string }>(`SELECT indexname AS i FROM pg_indexes WHERE tablename = 'account' ORDER BY 1`);
  return rows.map((row) => row.i);
}

/** 0001 creates the table (v1), 0002 is v1 -> `to`. */
async function stuckDirectory(session: Connection, to: SchemaIR = v2): Promise<string> {
  const empty: SchemaIR = { kind: 'schema', version: 1, enums: [], tables: [] };
  const first = await planFile(session, empty, v1);
  const second = await planFile(session, v1, to);
  return migrationsDirectory({
    '0001_accounts/plan.json': first.json,
    '0002_more/plan.json': second.json,
  });
}

/** Applies 0001, inserts two rows sharing an email, then runs 0002, which fails at its unique constraint; returns the error. */
async function getStuck(url: string, session: Connection, dir: string): Promise<unknown> {
  const aside = `${dir}-0002`;
  await rename(path.join(dir, '0002_more'), aside);
  await migrate({ url, directory: dir });
  await rename(aside, path.join(dir, '0002_more'));
  await session.query(`INSERT INTO public.account VALUES (1, 'a@x'), (2, 'a@x'), (3, 'b@x')`);
  return migrate({ url, directory: dir }).then(
    () => null,
    (error: unknown) => error,
  );
}

describeEachServer('migrate rollback: a stopped migration undone, re-planned and applied', (server) => {
  const db = useTestDatabase(server);
  beforeEach(async () => {
    const session = await db.connect();
    for (const sql of ['DROP SCHEMA IF EXISTS wesley CASCADE', 'DROP SCHEMA public CASCADE', 'CREATE SCHEMA public'])
      await session.query(sql);
  });

  it('rolls back the applied steps of a failed migration, last first, and a re-planned one then applies', async () => {
    const session = await db.connect();
    const stuck = await stuckDirectory(session);
    const v2Plan = (await planFile(session, v1, v2)).plan;
    const failure = await getStuck(db.url, session, stuck);
    expect(failure).toBeInstanceOf(StepFailedError);
    expect((failure as StepFailedError).migration).toBe('0002_more');
    const before = await readSteps(session, '0002_more');
    // The failed build is recorded as started: its INVALID index is repaired away before the undos.
    const started = v2Plan.steps.map((step) => step.id).filter((id) => before.has(id));
    expect([...before].filter(([, step]) => step.status === 'running').map(([id]) => id)).toEqual([(failure as StepFailedError).stepId]);
    expect(started.length).toBeGreaterThan(1);
    expect((await columns(session)).sort()).toEqual(['email', 'id', 'nick', 'score']);
    expect((await migrationStatus(session, stuck)).map((s) => [s.name, s.state])).toEqual([
      ['0001_accounts', 'applied'],
      ['0002_more', 'stopped'],
    ]);

    // Re-planning is refused while the migration is stopped part way.
    const replanned = await planFile(session, v1, v3);
    await writeFile(path.join(stuck, '0002_more', 'plan.json'), replanned.json);
    await expect(migrate({ url: db.url, directory: stuck })).rejects.toThrow(/must not change/);
    await expect(
      rollbackMigration({ url: db.url, directory: stuck, migration: '0002_more', allowDestructive: true }),
    ).rejects.toMatchObject({
      code: 'WES182',
      message: expect.stringMatching(/another plan/) as unknown,
    });
    await writeFile(path.join(stuck, '0002_more', 'plan.json'), (await planFile(session, v1, v2)).json);

    // Undoing it drops the columns it added, with what was written to them: asked for explicitly.
    await expect(rollbackMigration({ url: db.url, directory: stuck, migration: '0002_more' })).rejects.toMatchObject({ code: 'WES155' });
    expect((await readMigrations(session)).get('0002_more')?.status).toBe('running');
    const events: string[] = [];
    const result = await rollbackMigration({
      url: db.url,
      directory: stuck,
      migration: '0002_more',
      allowDestructive: true,
      onEvent: (event) => event.kind === 'step-done' && events.push(event.stepId),
    });
    expect(result.already).toBe(false);
    expect(result.undone).toEqual([...started].reverse());
    expect(events.every((id) => id.startsWith('rollback:'))).toBe(true);
    expect((await columns(session)).sort()).toEqual(['email', 'id']);
    expect(await indexes(session)).toEqual(['account_pkey']);
    expect((await session.query('SELECT id, email FROM public.account ORDER BY id')).rows).toEqual([
      { id: 1, email: 'a@x' },
      { id: 2, email: 'a@x' },
      { id: 3, email: 'b@x' },
    ]);
    expect((await readMigrations(session)).get('0002_more')?.status).toBe('rolled-back');
    expect([...(await readSteps(session, '0002_more')).values()].every((step) => step.status === 'rolled-back')).toBe(true);
    expect((await migrationStatus(session, stuck)).map((s) => s.state)).toEqual(['applied', 'rolled back']);
    // A second rollback finds nothing to do.
    expect(await rollbackMigration({ url: db.url, directory: stuck, migration: '0002_more' })).toEqual({ undone: [], already: true });

    // The re-planned migration replaces it under the same name and applies from the start.
    await writeFile(path.join(stuck, '0002_more', 'plan.json'), replanned.json);
    expect((await migrate({ url: db.url, directory: stuck })).applied).toEqual(['0002_more']);
    expect((await columns(session)).sort()).toEqual(['email', 'id', 'score']);
    const steps = await readSteps(session, '0002_more');
    expect([...steps.keys()].sort()).toEqual(replanned.plan.steps.map((step) => step.id).sort());
    expect([...steps.values()].every((step) => step.status === 'applied' && step.attempts <= 1)).toBe(true);
    expect((await migrationStatus(session, stuck)).map((s) => s.state)).toEqual(['applied', 'applied']);

    // An applied migration rolls back whole, its rows kept in the columns it did not add.
    const whole = await rollbackMigration({ url: db.url, directory: stuck, migration: '0002_more', allowDestructive: true });
    expect(whole.undone).toEqual([...replanned.plan.steps].reverse().map((step) => step.id));
    expect((await columns(session)).sort()).toEqual(['email', 'id']);
    expect((await session.query('SELECT count(*)::int AS n FROM public.account')).rows).toEqual([{ n: 3 }]);
    expect((await migrationStatus(session, stuck)).map((s) => s.state)).toEqual(['applied', 'rolled back']);
    await rm(stuck, { recursive: true, force: true });
  }, 120_000);

  it('refuses a SQL migration, an earlier migration while a later one stands, and a step with no rollback', async () => {
    const session = await db.connect();
    const dir = await stuckDirectory(session, v3);
    await writeFile(path.join(dir, '0000_setup.sql'), 'CREATE TABLE public.note (id integer PRIMARY KEY);\n');
    await migrate({ url: db.url, directory: dir, allowOutOfOrder: true });
    await expect(rollbackMigration({ url: db.url, directory: dir, migration: '0000_setup.sql' })).rejects.toMatchObject({ code: 'WES180' });
    await expect(rollbackMigration({ url: db.url, directory: dir, migration: '0001_accounts' })).rejects.toMatchObject({
      code: 'WES182',
      message: expect.stringContaining('0002_more') as unknown,
    });
    await expect(rollbackMigration({ url: db.url, directory: dir, migration: '0009_nope' })).rejects.toMatchObject({ code: 'WES182' });
    // v3 -> v1 drops a column: no rollback brings its data back.
    const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
    const drop = planMigration(v3, v1, { serverVersion: version, allowDestructive: true });
    if (drop.plan === null) throw new Error(JSON.stringify(drop.diagnostics));
    await mkdir(path.join(dir, '0003_drop'));
    await writeFile(path.join(dir, '0003_drop', 'plan.json'), stableStringify(drop.plan, 2));
    await migrate({ url: db.url, directory: dir, allowDestructive: true });
    const irreversible = drop.plan.steps.filter((step) => step.rollback === null).map((step) => step.id);
    expect(irreversible.length).toBeGreaterThan(0);
    await expect(rollbackMigration({ url: db.url, directory: dir, migration: '0003_drop', allowDestructive: true })).rejects.toMatchObject({
      code: 'WES181',
      steps: irreversible,
    });
    expect((await readMigrations(session)).get('0003_drop')?.status).toBe('applied');
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('refuses, before the first undo, a plan made for another server version (WES170, as migrate does); its own passes', async () => {
    const session = await db.connect();
    const dir = await stuckDirectory(session, v3);
    await migrate({ url: db.url, directory: dir });
    const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
    // 18 on 15, and 15 on 18: NOT NULL ... NOT VALID (18) is one of the differences between them.
    const other = version >= 180000 ? 150000 : 180000;
    const foreign = planMigration(v1, v3, { serverVersion: other });
    if (foreign.plan === null) throw new Error(JSON.stringify(foreign.diagnostics));
    const applied = [...(await readSteps(session, '0002_more')).keys()].sort();
    expect(foreign.plan.steps.map((step) => step.id).sort()).toEqual(applied);
    // As a Wesley that did not check the version would have left it: the other version's plan recorded as applied.
    const planPath = path.join(dir, '0002_more', 'plan.json');
    const own = await readFile(planPath, 'utf8');
    const record = async (json: string) => {
      await writeFile(planPath, json);
      await session.query(`UPDATE wesley.migrations SET checksum = $1 WHERE name = '0002_more'`, [await fileChecksum(planPath)]);
    };
    await record(stableStringify(foreign.plan, 2));

    const undos: string[] = [];
    await expect(
      rollbackMigration({
        url: db.url,
        directory: dir,
        migration: '0002_more',
        allowDestructive: true,
        onEvent: (event) => event.kind === 'step-start' && undos.push(event.stepId),
      }),
    ).rejects.toMatchObject({
      code: 'WES170',
      migration: '0002_more',
      message: expect.stringMatching(
        `was planned for PostgreSQL ${other / 10000} \\(${other}\\) .* but this server is PostgreSQL ${Math.floor(version / 10000)} \\(${version}\\)`,
      ) as unknown,
    });
    expect(undos).toEqual([]);
    expect((await columns(session)).sort()).toEqual(['email', 'id', 'score']);
    expect((await readMigrations(session)).get('0002_more')?.status).toBe('applied');
    expect([...(await readSteps(session, '0002_more')).values()].every((step) => step.status === 'applied')).toBe(true);

    // The plan made for this server rolls back.
    await record(own);
    const result = await rollbackMigration({ url: db.url, directory: dir, migration: '0002_more', allowDestructive: true });
    expect(result.undone.length).toBeGreaterThan(0);
    expect((await columns(session)).sort()).toEqual(['email', 'id']);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('upgrades a ledger made by an earlier version in place, and again changes nothing', async () => {
    const session = await db.connect();
    await session.query('CREATE SCHEMA wesley');
    await session.query(`CREATE TABLE wesley.migrations (
      name text PRIMARY KEY, checksum text NOT NULL, kind text NOT NULL CHECK (kind IN ('plan', 'sql')),
      status text NOT NULL CHECK (status IN ('running', 'applied')), applied_by text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT clock_timestamp(), finished_at timestamptz, duration_ms bigint)`);
    await session.query(`CREATE TABLE wesley.steps (
      migration text NOT NULL REFERENCES wesley.migrations (name), step_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'applied')), attempts integer NOT NULL DEFAULT 0,
      started_at timestamptz NOT NULL DEFAULT clock_timestamp(), finished_at timestamptz, cursor jsonb,
      PRIMARY KEY (migration, step_id))`);
    await session.query(
      `INSERT INTO wesley.migrations (name, checksum, kind, status, applied_by) VALUES ('0001_x', 'sha256:0', 'plan', 'running', 'old')`,
    );
    await session.query(`INSERT INTO wesley.steps (migration, step_id, status) VALUES ('0001_x', 's1', 'applied')`);
    expect((await readMigrations(session)).get('0001_x')?.resolvedBy).toBeNull();
    await ensureLedger(session);
    await setMigrationStatus(session, { name: '0001_x', checksum: 'sha256:0', kind: 'plan', appliedBy: 'me' }, 'rolled-back', 'me');
    await session.query(`UPDATE wesley.steps SET status = 'rolling-back'`);
    const upgraded = await session.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'wesley.migrations'::regclass AND conname = 'migrations_status_check'`,
    );
    expect(upgraded.rows[0]?.def).toContain('rolled-back');
    // Up to date: no constraint is replaced (its oid stays), nothing fails.
    const oid = async () =>
      (await session.query<{ oid: number }>(`SELECT oid FROM pg_constraint WHERE conname = 'steps_status_check'`)).rows[0]?.oid;
    const first = await oid();
    await ensureLedger(session);
    expect(await oid()).toBe(first);
    expect((await readMigrations(session)).get('0001_x')).toMatchObject({ status: 'rolled-back', resolvedBy: 'me', appliedBy: 'old' });
    await expect(session.query(`UPDATE wesley.migrations SET status = 'bogus'`)).rejects.toThrow(/check constraint/);
  }, 60_000);
});

let child: string;
beforeAll(async () => {
  child = await buildCrashChild();
}, 60_000);
afterAll(() => rm(path.dirname(child), { recursive: true, force: true }));

describeEachServer('migrate rollback: killed with SIGKILL at every statement, then run again', (server) => {
  it('ends rolled back, each step undone exactly once, the rows kept', async () => {
    const db = await scratchDatabase(server);
    // A session per look: resetting the database ends every other session.
    const look = async <T>(read: (session: Connection) => Promise<T>): Promise<T> => {
      const session = await connect(db.url);
      return read(session).finally(() => session.close());
    };
    let dir = '';
    try {
      dir = await look((session) => stuckDirectory(session));
      const prepare = async () => {
        await db.reset();
        expect(await look((session) => getStuck(db.url, session, dir))).toBeInstanceOf(StepFailedError);
      };
      await prepare();
      const census = await runCrashChild(child, db.url, dir, {}, '0002_more');
      expect(census.stderr).toBe('');
      const queries = (JSON.parse(census.stdout) as { queries: { sql: string }[] }).queries;
      // Every write and every COMMIT: the points where dying leaves a different state (reads leave none).
      const points = queries.flatMap((query, i) => (/^\s*(COMMIT|DROP|ALTER|UPDATE|INSERT|SET)\b/i.test(query.sql) ? [i + 1] : []));
      expect(points.length).toBeGreaterThan(10);
      const expected = await look(columns);
      expect(expected).toEqual(['email', 'id']);
      for (const n of points) {
        await prepare();
        const run = await runCrashChild(child, db.url, dir, { killAtQuery: n }, '0002_more');
        expect(run.signal, `kill at query ${n}: ${run.stderr}`).toBe('SIGKILL');
        await rollbackMigration({ url: db.url, directory: dir, migration: '0002_more', allowDestructive: true });
        await look(async (session) => {
          expect(await columns(session), `kill at query ${n}`).toEqual(expected);
          expect(await indexes(session), `kill at query ${n}`).toEqual(['account_pkey']);
          expect((await readMigrations(session)).get('0002_more')?.status).toBe('rolled-back');
          expect(new Set([...(await readSteps(session, '0002_more')).values()].map((step) => step.status))).toEqual(
            new Set(['rolled-back']),
          );
          expect((await session.query('SELECT count(*)::int AS n FROM public.account')).rows).toEqual([{ n: 3 }]);
        });
      }
    } finally {
      await db.drop();
      if (dir !== '') await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
