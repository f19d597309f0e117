import { emitDdl } from '@wesley/core';
import { describeEachServer, useTestDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { advisoryLockKey } from '../../src/migrate/advisory-lock-key.js';
import { readMigrations, setMigrationStatus } from '../../src/migrate/ledger.js';
import { migrate } from '../../src/migrate/migrate.js';
import { migrationStatus } from '../../src/migrate/migration-status.js';
import { migratorApplicationName } from '../../src/migrate/migrator-session.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';

const v0 = compile('type Account @wes_table { id: Int! @wes_pk } type Invoice @wes_table { id: Int! @wes_pk accountId: Int! }');
const v1 = compile(
  'type Account @wes_table { id: Int! @wes_pk } type Invoice @wes_table { id: Int! @wes_pk accountId: Int! memo: String }',
);
// A foreign key: added NOT VALID in expand, validated in validate, so a run can stop between.
const v2 = compile(
  'type Account @wes_table { id: Int! @wes_pk } type Invoice @wes_table { id: Int! @wes_pk accountId: Int! @wes_fk(ref: "Account.id") }',
);

const state = async (session: Connection, directory: string, lockName?: string) =>
  (await migrationStatus(session, directory, lockName)).map(({ name, state: s, pid }) => ({ name, state: s, pid }));

/**
 * `wesley status` tells a migration running now (a migrator holds the migration lock) from one
 * that stopped the same way in the ledger (`running`, nobody holding the lock).
 */
describeEachServer('migration status: running or stopped', (server) => {
  const databases = { running: useTestDatabase(server), stopped: useTestDatabase(server) };

  async function setUp(db: TestDatabase, to: typeof v1): Promise<{ session: Connection; directory: string }> {
    const session = await db.connect();
    await session.query(emitDdl(v0));
    await session.query('INSERT INTO account VALUES (1); INSERT INTO invoice VALUES (1, 1)');
    const { json } = await planFile(session, v0, to);
    return { session, directory: await migrationsDirectory({ '0001_change/plan.json': json }) };
  }

  it('shows a migration whose migrator is waiting on a step as running, with the migrator’s pid, then applied', async () => {
    const db = databases.running;
    const { session, directory } = await setUp(db, v1);
    // A long report holds invoice: the migrator waits for it, mid-migration, holding its lock.
    const reader = await db.connect();
    await reader.query('BEGIN');
    await reader.query('SELECT count(*) FROM invoice');
    await new Promise((resolve) => setTimeout(resolve, 300));
    let reported: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (reported = resolve));
    const run = migrate({
      url: db.url,
      directory,
      lock: { name: 'billing' },
      holderWaitMs: 60_000,
      onEvent: (event) => event.kind === 'holder-wait' && reported(),
    });
    await Promise.race([waiting, run]);
    const { rows } = await session.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
      migratorApplicationName,
    ]);
    expect(rows).toHaveLength(1);
    expect(await state(session, directory, 'billing')).toEqual([{ name: '0001_change', state: 'running', pid: rows[0]?.pid }]);
    // Under another migrator's name, nobody runs it.
    expect(await state(session, directory)).toEqual([{ name: '0001_change', state: 'stopped', pid: null }]);
    await reader.query('COMMIT');
    expect((await run).applied).toEqual(['0001_change']);
    expect(await state(session, directory, 'billing')).toEqual([{ name: '0001_change', state: 'applied', pid: null }]);
  }, 60_000);

  it('shows a migration stopped part way as stopped, and as running while a session holds the migration lock', async () => {
    const db = databases.stopped;
    const { session, directory } = await setUp(db, v2);
    const stopped = await migrate({ url: db.url, directory, to: 'expand' });
    expect(stopped.stoppedIn).toBe('0001_change');
    expect(await state(session, directory)).toEqual([{ name: '0001_change', state: 'stopped', pid: null }]);

    // What a migrator resuming it holds: the session-level advisory lock of its name.
    const other = await db.connect();
    const { rows } = await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await other.query('SELECT pg_advisory_lock($1::bigint)', [advisoryLockKey('wesley')]);
    expect(await state(session, directory)).toEqual([{ name: '0001_change', state: 'running', pid: rows[0]?.pid }]);
    await other.query('SELECT pg_advisory_unlock($1::bigint)', [advisoryLockKey('wesley')]);
    expect(await state(session, directory)).toEqual([{ name: '0001_change', state: 'stopped', pid: null }]);

    // A rollback that stopped (as a killed one leaves the ledger), and one running now.
    const entry = (await readMigrations(session)).get('0001_change');
    if (entry === undefined) throw new Error('not in the ledger');
    await setMigrationStatus(session, entry, 'rolling-back');
    expect(await state(session, directory)).toEqual([{ name: '0001_change', state: 'rolling back', pid: null }]);
    await other.query('SELECT pg_advisory_lock($1::bigint)', [advisoryLockKey('wesley')]);
    expect(await state(session, directory)).toEqual([{ name: '0001_change', state: 'rolling back', pid: rows[0]?.pid }]);
    await other.query('SELECT pg_advisory_unlock($1::bigint)', [advisoryLockKey('wesley')]);
    await other.close();
  }, 60_000);
});
