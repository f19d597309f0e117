import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { migrate, type MigrateResult } from '../../src/migrate/migrate.js';
import type { MigrateEvent } from '../../src/migrate/migrate-events.js';
import { MigrationLockTimeoutError } from '../../src/migrate/migration-lock.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';

/**
 * One migrator at a time (docs/architecture.md#one-migrator-at-a-time): eight `migrate()`
 * calls, each with connections of its own, start at once against one database. The migrations
 * hold the lock for a while on purpose (`pg_sleep`), so every other migrator finds it taken.
 */
describeEachServer('migrate: eight migrators at once', (server) => {
  const db = useTestDatabase(server);
  const migrators = Array.from({ length: 8 }, (_, i) => `migrator-${i + 1}`);

  it('one applies every migration; the others wait for it, then find nothing to do', async () => {
    const session = await db.connect();
    const v0 = compile('type Job @wes_table { id: Int! @wes_pk name: String! }');
    const v1 = compile('type Job @wes_table { id: Int! @wes_pk name: String! done: Boolean! @wes_default(value: false) @wes_index }');
    const directory = await migrationsDirectory({
      '0001_jobs.sql': [
        'CREATE TABLE job (id integer NOT NULL, name text NOT NULL, CONSTRAINT job_pkey PRIMARY KEY (id));',
        'CREATE TABLE run_log (migration text NOT NULL);',
        "INSERT INTO run_log VALUES ('0001_jobs.sql');",
        'SELECT pg_sleep(1);',
        "INSERT INTO job SELECT g, 'job ' || g FROM generate_series(1, 100) AS g;",
      ].join('\n'),
      '0002_done/plan.json': (await planFile(session, v0, v1)).json,
    });
    const waited = new Set<string>();
    const results = await Promise.all(
      migrators.map((name) =>
        migrate({
          url: db.url,
          directory,
          appliedBy: name,
          lock: { timeoutMs: 60_000, pollMs: 20 },
          onEvent: (event: MigrateEvent) => {
            if (event.kind === 'lock-wait') waited.add(name);
          },
        }),
      ),
    );
    const winners = migrators.filter((_, i) => (results[i] as MigrateResult).applied.length > 0);
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    expect(results.map((result) => result.applied)).toEqual(
      migrators.map((name) => (name === winner ? ['0001_jobs.sql', '0002_done'] : [])),
    );
    expect([...waited].sort()).toEqual(migrators.filter((name) => name !== winner).sort());
    const ledger = await session.query('SELECT name, status, applied_by FROM wesley.migrations ORDER BY name');
    expect(ledger.rows).toEqual([
      { name: '0001_jobs.sql', status: 'applied', applied_by: winner },
      { name: '0002_done', status: 'applied', applied_by: winner },
    ]);
    const runs = await session.query('SELECT migration, count(*)::int AS n FROM run_log GROUP BY migration');
    expect(runs.rows).toEqual([{ migration: '0001_jobs.sql', n: 1 }]);
    const jobs = await session.query('SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT done)::int AS pending FROM job');
    expect(jobs.rows).toEqual([{ n: 100, pending: 100 }]);
  });

  it('with a short lock timeout, the others give up with MigrationLockTimeoutError and change nothing', async () => {
    const session = await db.connect();
    // Another directory, another history: the first test's ledger would name its migrations missing.
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE');
    const directory = await migrationsDirectory({
      '0001_slow.sql': ['CREATE TABLE slow_log (note text NOT NULL);', 'SELECT pg_sleep(2);', "INSERT INTO slow_log VALUES ('ran');"].join(
        '\n',
      ),
    });
    const settled = await Promise.allSettled(
      migrators.map((name) =>
        migrate({ url: db.url, directory, appliedBy: name, lock: { name: 'short-timeout', timeoutMs: 300, pollMs: 20 } }),
      ),
    );
    const fulfilled = settled.flatMap((result, i) => (result.status === 'fulfilled' ? [[migrators[i], result.value.applied]] : []));
    expect(fulfilled).toHaveLength(1);
    expect(fulfilled[0]?.[1]).toEqual(['0001_slow.sql']);
    const rejected = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(rejected).toHaveLength(7);
    for (const error of rejected) {
      expect(error).toBeInstanceOf(MigrationLockTimeoutError);
      expect((error as Error).message).toMatch(/another migrator holds the "short-timeout" migration lock/);
    }
    const ledger = await session.query(`SELECT name, status, applied_by FROM wesley.migrations WHERE name = '0001_slow.sql'`);
    expect(ledger.rows).toEqual([{ name: '0001_slow.sql', status: 'applied', applied_by: fulfilled[0]?.[0] }]);
    expect((await session.query('SELECT count(*)::int AS n FROM slow_log')).rows).toEqual([{ n: 1 }]);
  });
});
