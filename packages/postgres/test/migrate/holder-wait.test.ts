import { emitDdl } from '@wesley/core';
import { describeEachServer, useTestDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { StepFailedError } from '../../src/execute/step-failed-error.js';
import { migrate } from '../../src/migrate/migrate.js';
import type { MigrateEvent } from '../../src/migrate/migrate-events.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';

const v0 = compile('type Account @wes_table { id: Int! @wes_pk } type Invoice @wes_table { id: Int! @wes_pk accountId: Int! }');
const v1 = compile(
  'type Account @wes_table { id: Int! @wes_pk } type Invoice @wes_table { id: Int! @wes_pk accountId: Int! memo: String }',
);
const v2 = compile(
  'type Account @wes_table { id: Int! @wes_pk } type Invoice @wes_table { id: Int! @wes_pk accountId: Int! @wes_fk(ref: "Account.id") }',
);
const v3 = compile(
  'type Account @wes_table { id: Int! @wes_pk } type Bill @wes_table @wes_renamed(from: "invoice") { id: Int! @wes_pk accountId: Int! }',
);
const addColumn = 'add-column:invoice.memo';

/** A report that reads `invoice` and stays open, the way an application's long transaction does; its text holds a password. */
const reportSql = `SELECT count(*) FROM invoice WHERE 'postgres://report:hunter2@db/app' <> ''`;

/** What another session sees while the migrator waits: how long a read of `invoice` takes, and who waits for a lock on it. */
async function probe(session: Connection): Promise<{ readMs: number; waiting: number }> {
  const started = performance.now();
  await session.query('SELECT count(*) FROM invoice');
  const readMs = performance.now() - started;
  const { rows } = await session.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_catalog.pg_locks WHERE relation = 'invoice'::regclass AND NOT granted`,
  );
  return { readMs, waiting: rows[0]?.n ?? -1 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Lets the transactions just opened grow older than the youngest the migrator waits for (100 ms,
 * younger ones look like the stream of short writes a busy table has), as a long one is.
 */
const age = () => sleep(300);

/** Opens the report on `holder` and lets it age. */
async function openReport(holder: Connection): Promise<void> {
  await holder.query('BEGIN');
  await holder.query(reportSql);
  await age();
}

/**
 * Before a step asks for ACCESS EXCLUSIVE (or SHARE ROW EXCLUSIVE), it waits outside the lock
 * queue for the sessions holding a conflicting lock on the table, reported and bounded, so that
 * no other session's query queues behind its request meanwhile.
 */
describeEachServer('migrate: a step waits for the holders of its table before asking', (server) => {
  const databases = {
    released: useTestDatabase(server),
    held: useTestDatabase(server),
    foreignKey: useTestDatabase(server),
    renamed: useTestDatabase(server),
  };

  async function setUp(db: TestDatabase, to = v1): Promise<{ session: Connection; holder: Connection; directory: string; pid: number }> {
    const session = await db.connect();
    await session.query(emitDdl(v0));
    await session.query('INSERT INTO account VALUES (1); INSERT INTO invoice VALUES (1, 1)');
    const { json } = await planFile(session, v0, to);
    const holder = await db.connect();
    const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return { session, holder, directory: await migrationsDirectory({ '0001_change/plan.json': json }), pid: rows[0]?.pid ?? -1 };
  }

  const columns = async (session: Connection) =>
    (
      await session.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'invoice' ORDER BY 1`,
      )
    ).rows.map((row) => row.name);

  /**
   * Runs the migration in `directory` on `db`, asking after 200 ms and waiting up to 60 s for
   * holders: each event with when it came (`performance.now()`), and `waiting`, resolved at the
   * first holder reported.
   */
  function migrateReportingHolders(db: TestDatabase, directory: string) {
    const timed: { at: number; event: MigrateEvent }[] = [];
    let reported: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (reported = resolve));
    const run = migrate({
      url: db.url,
      directory,
      lockTimeoutMs: 200,
      holderWaitMs: 60_000,
      onEvent: (event) => {
        timed.push({ at: performance.now(), event });
        if (event.kind === 'holder-wait') reported();
      },
    });
    return { run, waiting, timed, events: () => timed.map(({ event }) => event) };
  }

  it('waits for a reader without queueing, reports it, and goes on as soon as it commits', async () => {
    const db = databases.released;
    const { session, holder, directory, pid } = await setUp(db);
    await openReport(holder);
    const { run, waiting, timed: events } = migrateReportingHolders(db, directory);
    await waiting;
    // Well past lock_timeout: a request queued behind the reader would have timed out and retried by now.
    const during = [await probe(session)];
    await sleep(1000);
    during.push(await probe(session));
    const committed = performance.now();
    await holder.query('COMMIT');
    expect((await run).applied).toEqual(['0001_change']);

    const kinds = events.map(({ event }) => event.kind);
    expect(kinds).not.toContain('step-retry');
    const wait = events.find(({ event }) => event.kind === 'holder-wait')?.event;
    expect(wait).toMatchObject({ stepId: addColumn, pid, relation: 'invoice', mode: 'AccessShareLock', state: 'idle in transaction' });
    if (wait?.kind !== 'holder-wait') throw new Error('no holder-wait event');
    expect(wait.openMs).toBeGreaterThanOrEqual(100);
    expect(wait.query).toContain('SELECT count(*) FROM invoice');
    expect(wait.query).not.toContain('hunter2');
    const end = events.find(({ event }) => event.kind === 'holder-wait-end');
    expect(end?.event).toMatchObject({ stepId: addColumn, holders: 0 });
    if (end?.event.kind !== 'holder-wait-end') throw new Error('no holder-wait-end event');
    expect(end.event.waitedMs).toBeGreaterThanOrEqual(1000);
    // While it waited, nobody queued behind it: reads went through at once and no lock request on invoice waited.
    for (const seen of during) {
      expect(seen.waiting).toBe(0);
      expect(seen.readMs).toBeLessThan(1000);
    }
    // Once the reader committed, the step went on within a poll or so (generous: a loaded machine).
    expect(end.at - committed).toBeLessThan(1500);
    expect(await columns(session)).toEqual(['account_id', 'id', 'memo']);
  }, 60_000);

  it('waits for the holders of a table it renames, found by the name the table has before the step', async () => {
    const db = databases.renamed;
    const { session, holder, directory, pid } = await setUp(db, v3);
    await openReport(holder);
    const { run, waiting, events: seen } = migrateReportingHolders(db, directory);
    // Without a wait the run ends first (it asks, times out, retries and fails behind the reader).
    await Promise.race([waiting, run.catch(() => undefined)]);
    // Past lock_timeout: a rename queued for ACCESS EXCLUSIVE behind the reader would stall this read.
    await sleep(700);
    const during = await probe(session);
    await holder.query('COMMIT');
    expect((await run).applied).toEqual(['0001_change']);

    const events = seen();
    const waits = events.filter((event) => event.kind === 'holder-wait');
    expect(waits).toEqual([expect.objectContaining({ stepId: 'rename-table:bill', pid, relation: 'invoice', mode: 'AccessShareLock' })]);
    expect(events.map((event) => event.kind)).not.toContain('step-retry');
    expect(during.waiting).toBe(0);
    expect(during.readMs).toBeLessThan(1000);
    const { rows } = await session.query<{ name: string }>(`SELECT to_regclass('bill')::text AS name`);
    expect(rows).toEqual([{ name: 'bill' }]);
  }, 60_000);

  it('waits no longer than holderWaitMs for a holder that never lets go, then fails as a step whose lock is held does', async () => {
    const db = databases.held;
    const { session, holder, directory, pid } = await setUp(db);
    await openReport(holder);
    const events: MigrateEvent[] = [];
    const started = performance.now();
    const error = await migrate({
      url: db.url,
      directory,
      lockTimeoutMs: 100,
      holderWaitMs: 1500,
      retries: 2,
      backoffMs: 10,
      onEvent: (event) => events.push(event),
    }).then(
      () => null,
      (reason: unknown) => reason,
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(StepFailedError);
    expect(error).toMatchObject({ stepId: addColumn, sqlState: '55P03' });
    expect((error as Error).message).toContain(`step ${addColumn} failed after 3 attempts`);
    expect(events.filter((event) => event.kind === 'holder-wait')).toMatchObject([{ pid }]);
    const end = events.find((event) => event.kind === 'holder-wait-end');
    expect(end).toMatchObject({ stepId: addColumn, holders: 1 });
    if (end?.kind !== 'holder-wait-end') throw new Error('no holder-wait-end event');
    expect(end.waitedMs).toBeGreaterThanOrEqual(1500);
    expect(end.waitedMs).toBeLessThan(1500 + 1000);
    // The bound spent, the retries ask at once; the whole run stays near the bound plus three lock timeouts.
    expect(events.filter((event) => event.kind === 'step-retry')).toHaveLength(2);
    expect(elapsed).toBeLessThan(1500 + 3 * 100 + 5000);
    expect(await columns(session)).toEqual(['account_id', 'id']);
    await holder.query('COMMIT');
  }, 60_000);

  it('waits for a writer before a SHARE ROW EXCLUSIVE foreign key, and not for a reader it does not conflict with', async () => {
    const db = databases.foreignKey;
    const { session, holder, directory, pid } = await setUp(db, v2);
    const reader = await db.connect();
    await reader.query('BEGIN');
    await reader.query('SELECT count(*) FROM account, invoice');
    await holder.query('BEGIN');
    await holder.query('INSERT INTO invoice VALUES (2, 1)');
    await age();
    const { run, waiting, events: seen } = migrateReportingHolders(db, directory);
    void waiting.then(() => setTimeout(() => void holder.query('COMMIT'), 500));
    expect((await run).applied).toEqual(['0001_change']);
    const events = seen();
    const waits = events.filter((event) => event.kind === 'holder-wait');
    expect(waits).toEqual([expect.objectContaining({ pid, relation: 'invoice', mode: 'RowExclusiveLock' })]);
    expect(waits[0]?.stepId).toMatch(/^add-foreign-key:/);
    expect(events.map((event) => event.kind)).not.toContain('step-retry');
    const { rows } = await session.query<{ convalidated: boolean }>(
      `SELECT convalidated FROM pg_constraint WHERE conrelid = 'invoice'::regclass AND contype = 'f'`,
    );
    expect(rows).toEqual([{ convalidated: true }]);
    await reader.query('COMMIT');
  }, 60_000);
});
