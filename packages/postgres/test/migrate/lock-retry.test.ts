import { emitDdl } from '@wesley/core';
import { describeEachServer, useTestDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { StepFailedError } from '../../src/execute/step-failed-error.js';
import { migrate } from '../../src/migrate/migrate.js';
import type { MigrateEvent } from '../../src/migrate/migrate-events.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';

const v0 = compile('type Account @wes_table { id: Int! @wes_pk } type Invoice @wes_table { id: Int! @wes_pk }');
const v1 = compile(
  'type Account @wes_table { id: Int! @wes_pk nickname: String } type Invoice @wes_table { id: Int! @wes_pk memo: String }',
);
const blocked = 'add-column:invoice.memo';

/**
 * A transaction holding a lock that conflicts with a step (an open reader's ACCESS SHARE on
 * `invoice`, which ADD COLUMN's ACCESS EXCLUSIVE waits for) makes the step time out on
 * `lock_timeout` (55P03) and retry with backoff, instead of queueing behind the reader and
 * blocking every later query on the table. The step's wait for the reader before it asks
 * (`holderWaitMs`, holder-wait.test.ts) is turned off: these are the asks it falls back to.
 */
describeEachServer('migrate: a step whose lock is held elsewhere', (server) => {
  const databases = { released: useTestDatabase(server), held: useTestDatabase(server) };

  /** The tables of `v0`, a plan adding a column to each, and a reader holding `invoice`. */
  async function setUp(db: TestDatabase): Promise<{ session: Connection; holder: Connection; directory: string }> {
    const session = await db.connect();
    await session.query(emitDdl(v0));
    const { plan, json } = await planFile(session, v0, v1);
    expect(plan.steps.map((step) => step.id)).toEqual(['add-column:account.nickname', blocked]);
    const holder = await db.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE invoice IN ACCESS SHARE MODE');
    return { session, holder, directory: await migrationsDirectory({ '0001_columns/plan.json': json }) };
  }

  const columns = async (session: Connection) =>
    (
      await session.query<{ name: string }>(
        `SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`,
      )
    ).rows.map((row) => row.name);

  it('retries on 55P03 until the lock is released, then applies the step', async () => {
    const db = databases.released;
    const { session, holder, directory } = await setUp(db);
    const events: MigrateEvent[] = [];
    const result = await migrate({
      url: db.url,
      directory,
      lockTimeoutMs: 50,
      holderWaitMs: 0,
      retries: 100,
      backoffMs: 10,
      onEvent: (event) => {
        events.push(event);
        // The reader finishes its work once the migrator has had to back off.
        if (event.kind === 'step-retry' && events.filter((e) => e.kind === 'step-retry').length === 2) void holder.query('COMMIT');
      },
    });
    expect(result.applied).toEqual(['0001_columns']);
    const retries = events.filter((event) => event.kind === 'step-retry');
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries.map((event) => [event.stepId, event.sqlState])).toEqual(retries.map(() => [blocked, '55P03']));
    expect(events.find((event) => event.kind === 'step-done' && event.stepId === blocked)).toMatchObject({ attempts: retries.length + 1 });
    expect(await columns(session)).toEqual(['account.id', 'account.nickname', 'invoice.id', 'invoice.memo']);
    const steps = await session.query(`SELECT step_id, status FROM wesley.steps WHERE migration = '0001_columns' ORDER BY step_id`);
    expect(steps.rows).toEqual([
      { step_id: 'add-column:account.nickname', status: 'applied' },
      { step_id: blocked, status: 'applied' },
    ]);
  });

  it('with few retries, stops cleanly naming the step, with nothing half-applied; a later run finishes it', async () => {
    const db = databases.held;
    const { session, holder, directory } = await setUp(db);
    const events: MigrateEvent[] = [];
    const run = migrate({
      url: db.url,
      directory,
      lockTimeoutMs: 50,
      holderWaitMs: 0,
      retries: 2,
      backoffMs: 10,
      onEvent: (e) => events.push(e),
    });
    const error = await run.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StepFailedError);
    expect(error).toMatchObject({ stepId: blocked, sqlState: '55P03' });
    expect((error as Error).message).toContain(`step ${blocked} failed after 3 attempts`);
    expect(events.filter((event) => event.kind === 'step-retry').map((event) => [event.stepId, event.sqlState])).toEqual([
      [blocked, '55P03'],
      [blocked, '55P03'],
    ]);
    // The step before it is applied and recorded; the failed one left no trace, in the schema or the ledger.
    expect(await columns(session)).toEqual(['account.id', 'account.nickname', 'invoice.id']);
    const ledger = async () => ({
      migration: (await session.query(`SELECT status FROM wesley.migrations WHERE name = '0001_columns'`)).rows,
      steps: (await session.query(`SELECT step_id, status FROM wesley.steps WHERE migration = '0001_columns' ORDER BY step_id`)).rows,
    });
    expect(await ledger()).toEqual({
      migration: [{ status: 'running' }],
      steps: [{ step_id: 'add-column:account.nickname', status: 'applied' }],
    });
    // No session is left holding or waiting for a lock on invoice but the reader.
    const waiting = await session.query(
      `SELECT count(*)::int AS n FROM pg_catalog.pg_locks WHERE relation = $1::regclass AND pid <> pg_backend_pid() AND NOT granted`,
      ['invoice'],
    );
    expect(waiting.rows).toEqual([{ n: 0 }]);

    await holder.query('COMMIT');
    const again = await migrate({ url: db.url, directory, lockTimeoutMs: 50, retries: 2, backoffMs: 10 });
    expect(again.applied).toEqual(['0001_columns']);
    expect(await columns(session)).toEqual(['account.id', 'account.nickname', 'invoice.id', 'invoice.memo']);
    expect(await ledger()).toEqual({
      migration: [{ status: 'applied' }],
      steps: [
        { step_id: 'add-column:account.nickname', status: 'applied' },
        { step_id: blocked, status: 'applied' },
      ],
    });
  });
});
