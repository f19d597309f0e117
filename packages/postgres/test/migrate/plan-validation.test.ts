import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stableStringify, type Plan, type PlanStep } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { beforeEach, expect, it } from 'vitest';
import { migrate } from '../../src/migrate/migrate.js';
import { DestructiveMigrationError, InvalidPlanFileError } from '../../src/migrate/migration-errors.js';
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

const setup = [
  'CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL);',
  "INSERT INTO customer SELECT g, 'customer ' || g FROM generate_series(1, 30) AS g;",
  'CREATE TABLE victim (id integer PRIMARY KEY, kept text NOT NULL);',
  "INSERT INTO victim SELECT g, 'row ' || g FROM generate_series(1, 5) AS g;",
].join('\n');
const v0 = compile('type Customer @wes_table { id: Int! @wes_pk name: String! } type Victim @wes_table { id: Int! @wes_pk kept: String! }');
/** A plain step (note), a concurrent index, a backfill (token), in expand, backfill and validate. */
const v1 = compile(
  'type Customer @wes_table { id: Int! @wes_pk name: String! @wes_index note: String token: UUID! @wes_default(expr: "gen_random_uuid()") } type Victim @wes_table { id: Int! @wes_pk kept: String! }',
);

type Edit = (steps: PlanStep[]) => void;
const safe = (steps: readonly PlanStep[]) => steps.findIndex((s) => s.id.startsWith('add-column:customer.note'));
const backfillOf = (steps: readonly PlanStep[]) => steps.findIndex((s) => s.backfill !== null);
const concurrentOf = (steps: readonly PlanStep[]) => steps.findIndex((s) => !s.transactional);
const editSql =
  (sql: (step: PlanStep) => string[]): Edit =>
  (steps) => {
    const i = safe(steps);
    const step = steps[i];
    if (step !== undefined) steps[i] = { ...step, sql: sql(step) };
  };

/** SQL edited into a step the plan calls safe, each a way of losing data; each must need --allow-destructive. */
const destructiveEdits: readonly [string, Edit, RegExp][] = [
  ['the reported case: DROP TABLE', editSql(() => ['DROP TABLE victim;']), /drops table victim/],
  ['DROP TABLE after a harmless statement, in one string', editSql((s) => [`${s.sql.join(' ')} DROP TABLE victim;`]), /drops table victim/],
  ['DROP TABLE as a second statement of the step', editSql((s) => [...s.sql, 'DROP TABLE IF EXISTS public.victim CASCADE;']), /drops/],
  ['TRUNCATE', editSql((s) => [...s.sql, 'TRUNCATE victim;']), /empties victim/],
  [
    'DELETE inside a WITH',
    editSql((s) => [...s.sql, 'WITH gone AS (DELETE FROM victim RETURNING id) SELECT count(*) FROM gone;']),
    /deletes rows/,
  ],
  ['DROP COLUMN', editSql((s) => [...s.sql, 'ALTER TABLE victim DROP COLUMN kept;']), /drops column victim\.kept/],
  [
    'a column dropped and added back empty',
    editSql((s) => [...s.sql, 'ALTER TABLE victim DROP COLUMN kept, ADD COLUMN kept text;']),
    /drops column victim\.kept/,
  ],
  ['a conversion with USING', editSql((s) => [...s.sql, "ALTER TABLE victim ALTER COLUMN kept TYPE text USING ''"]), /USING/],
  ['a DO block', editSql((s) => [...s.sql, "DO $$ BEGIN EXECUTE 'DROP TABLE victim'; END $$;"]), /DO block/],
  ['DROP SCHEMA CASCADE', editSql((s) => [...s.sql, 'DROP SCHEMA public CASCADE;']), /CASCADE/],
  [
    "a backfill's batch turned into a DELETE",
    (steps) => {
      const i = backfillOf(steps);
      const step = steps[i];
      if (step?.backfill == null) return;
      const nextBatch = 'WITH batch AS (DELETE FROM victim RETURNING id) SELECT id FROM batch WHERE id > $1 LIMIT $2;';
      steps[i] = { ...step, sql: [step.backfill.firstBatch, nextBatch], backfill: { ...step.backfill, nextBatch } };
    },
    /deletes rows/,
  ],
  [
    "a concurrent step's repair turned into DROP TABLE",
    (steps) => {
      const i = concurrentOf(steps);
      const step = steps[i];
      if (step !== undefined) steps[i] = { ...step, repair: ['DROP TABLE victim;'] };
    },
    /drops table victim/,
  ],
];

/** Hand edits that make a plan.json unusable, each with a problem it must report at its JSON path. */
const brokenEdits: readonly [string, (plan: Record<string, unknown> & { steps: Record<string, unknown>[] }) => void, object][] = [
  [
    'the reported case: backfill: {}',
    (plan) => {
      const i = plan.steps.findIndex((s) => s.backfill !== null);
      plan.steps[i] = { ...plan.steps[i], backfill: {} };
    },
    { path: expect.stringMatching(/^\$\.steps\[\d+\]\.backfill$/) as unknown, message: 'missing "firstBatch"' },
  ],
  [
    'a syntax error in the last step',
    (plan) => {
      const last = plan.steps.length - 1;
      plan.steps[last] = { ...plan.steps[last], sql: ['ALTER TABLE customer VALIDATE CONSTRAINT;'] };
    },
    { path: expect.stringMatching(/^\$\.steps\[\d+\]\.sql\[0\]$/) as unknown, message: expect.stringMatching(/^syntax error/) as unknown },
  ],
  [
    'a COMMIT inside a step',
    (plan) => {
      plan.steps[0] = { ...plan.steps[0], sql: [...(plan.steps[0]?.sql as string[]), 'COMMIT;', 'INSERT INTO victim VALUES (99, $$x$$);'] };
    },
    { path: '$.steps[0].sql[1]', message: expect.stringMatching(/^COMMIT: a step may not control its transaction/) as unknown },
  ],
  [
    'a step made non-transactional around an INSERT',
    (plan) => {
      plan.steps[0] = { ...plan.steps[0], transactional: false, sql: ["INSERT INTO victim VALUES (99, 'x');"] };
    },
    { path: '$.steps[0].sql[0]', message: expect.stringMatching(/^InsertStmt in a step that is not transactional/) as unknown },
  ],
  [
    'a misspelt field',
    (plan) => {
      const { rewrites, ...rest } = plan.steps[0] ?? {};
      plan.steps[0] = { ...rest, rewrite: rewrites };
    },
    { path: '$.steps[0]', message: 'missing "rewrites"' },
  ],
  [
    'an unknown lock mode',
    (plan) => {
      plan.steps[0] = { ...plan.steps[0], locks: [{ relation: 'customer', mode: 'NoLock' }] };
    },
    { path: '$.steps[0].locks[0].mode', message: expect.stringMatching(/^expected one of AccessShareLock/) as unknown },
  ],
];

/**
 * A plan directory is checked whole before its first statement (docs/guarantees.md): its shape,
 * every statement parsed, and what each step's SQL does judged for data loss, whatever its
 * `impact` says. Refused plans leave the database and the ledger as they were.
 */
describeEachServer('migrate: plan.json checked whole before it runs', (server) => {
  const db = useTestDatabase(server);
  let plan: Plan;

  beforeEach(async () => {
    const session = await db.connect();
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    plan = (await planFile(session, v0, v1)).plan;
    await session.close();
  });

  /** Columns of the two tables, rows of victim, and the ledger. */
  const snapshot = async () => {
    const session = await db.connect();
    try {
      const columns = await session.query<{ c: string }>(
        `SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`,
      );
      const indexes = await session.query<{ i: string }>(`SELECT indexname AS i FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`);
      const victim = await session.query<{ n: number }>('SELECT count(*)::int AS n FROM victim').catch(() => ({ rows: [{ n: -1 }] }));
      const ledger = await session.query<{ name: string }>(
        'SELECT name FROM wesley.migrations UNION ALL SELECT step_id FROM wesley.steps ORDER BY 1',
      );
      return {
        columns: columns.rows.map((r) => r.c),
        indexes: indexes.rows.map((r) => r.i),
        victim: victim.rows[0]?.n,
        ledger: ledger.rows.map((r) => r.name),
      };
    } finally {
      await session.close();
    }
  };

  /** 0001 applied; the edited plan as 0002, pending. */
  const withPlan = async (json: string) => {
    const directory = await migrationsDirectory({ '0001_setup.sql': setup });
    await migrate({ url: db.url, directory });
    await mkdir(path.join(directory, '0002_plan'));
    await writeFile(path.join(directory, '0002_plan', 'plan.json'), json);
    return directory;
  };
  const before = {
    columns: ['customer.id', 'customer.name', 'victim.id', 'victim.kept'],
    indexes: ['customer_pkey', 'victim_pkey'],
    victim: 5,
    ledger: ['0001_setup.sql', 'statements'],
  };

  it.each(destructiveEdits)('SQL edited into a step marked safe: %s needs --allow-destructive', async (_name, edit, reason) => {
    const steps = [...plan.steps];
    edit(steps);
    const directory = await withPlan(stableStringify({ ...plan, steps }, 2));
    const error = await rejection(migrate({ url: db.url, directory }));
    expect(error).toBeInstanceOf(DestructiveMigrationError);
    expect(error).toMatchObject({ code: 'WES155', migration: '0002_plan' });
    expect((error as Error).message).toMatch(reason);
    expect(await snapshot()).toEqual(before);
  });

  it('the unedited plan runs without --allow-destructive, and the edited one runs with it', async () => {
    const directory = await withPlan(stableStringify(plan, 2));
    expect((await migrate({ url: db.url, directory })).applied).toEqual(['0002_plan']);
    const session = await db.connect();
    await session.query('DROP SCHEMA wesley CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await session.close();
    const steps = [...plan.steps];
    editSql((s) => [...s.sql, 'TRUNCATE victim;'])(steps);
    const edited = await withPlan(stableStringify({ ...plan, steps }, 2));
    expect(await rejection(migrate({ url: db.url, directory: edited }))).toBeInstanceOf(DestructiveMigrationError);
    expect((await migrate({ url: db.url, directory: edited, allowDestructive: true })).applied).toEqual(['0002_plan']);
    expect((await snapshot()).victim).toBe(0);
  });

  it.each(brokenEdits)('a broken plan.json is refused whole, every problem at its path: %s', async (_name, edit, problem) => {
    const value = JSON.parse(stableStringify(plan)) as Record<string, unknown> & { steps: Record<string, unknown>[] };
    edit(value);
    const directory = await withPlan(JSON.stringify(value, null, 2));
    const error = await rejection(migrate({ url: db.url, directory }));
    expect(error).toBeInstanceOf(InvalidPlanFileError);
    expect(error).toMatchObject({ code: 'WES154' });
    expect((error as InvalidPlanFileError).problems).toContainEqual(problem);
    expect((error as Error).message).toContain(path.join('0002_plan', 'plan.json'));
    expect(await snapshot()).toEqual(before);
  });

  it('a broken plan stops a run before the SQL file pending before it', async () => {
    const value = JSON.parse(stableStringify(plan)) as Record<string, unknown> & { steps: Record<string, unknown>[] };
    const i = value.steps.findIndex((s) => s.backfill !== null);
    value.steps[i] = { ...value.steps[i], backfill: {} };
    const directory = await migrationsDirectory({ '0001_setup.sql': setup, '0002_plan/plan.json': JSON.stringify(value) });
    expect(await rejection(migrate({ url: db.url, directory }))).toBeInstanceOf(InvalidPlanFileError);
    const session = await db.connect();
    const { rows } = await session.query(`SELECT to_regclass('public.customer') AS t, (SELECT count(*)::int FROM wesley.migrations) AS n`);
    await session.close();
    expect(rows).toEqual([{ t: null, n: 0 }]);
  });
});
