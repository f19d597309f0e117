import { planMigration, stableStringify } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import { MigrationLockLostError } from '../../src/migrate/migration-lock-lost-error.js';
import { lockHolder } from './support/lock-holder.js';
import { compile, migrationsDirectory } from './support/migrations-directory.js';

/**
 * The lock-loss property (issue 13, item 1): three migrators start on one database, staggered,
 * while the session holding the migration lock is terminated at random moments, one to three
 * times per round. Whatever the timing, every round ends (after one more, undisturbed run) with
 * each statement applied exactly once, every migration and step applied, and no migrator failed
 * for any reason but the lost lock.
 */

const statements = 24;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** A statement's row; every few statements a short sleep, so that the run takes long enough to be cut. */
const inserts = (migration: string, numbers: readonly number[]) =>
  numbers.flatMap((n) => [`INSERT INTO applied VALUES ('${migration}', ${n});`, ...(n % 4 === 0 ? ['SELECT pg_sleep(0.01);'] : [])]);

const v0 = compile('type Tally @wes_table { id: Int! @wes_pk }');
const v1 = compile('type Tally @wes_table { id: Int! @wes_pk token: UUID! @wes_default(expr: "gen_random_uuid()") @wes_index }');

describeEachServer('migrate: the lock session terminated at random points, three migrators', (server) => {
  const db = useTestDatabase(server);
  let directory: string;

  beforeAll(async () => {
    const session = await db.connect();
    const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    const { plan } = planMigration(v0, v1, { serverVersion: Number(rows[0]?.v), batchSize: 10 });
    if (plan === null) throw new Error('no plan');
    directory = await migrationsDirectory({
      '0001_rows.sql': [
        'CREATE TABLE applied (migration text NOT NULL, statement integer NOT NULL);',
        'CREATE TABLE tally (id integer NOT NULL, CONSTRAINT tally_pkey PRIMARY KEY (id));',
        'INSERT INTO tally SELECT generate_series(1, 60);',
        ...inserts('0001', range(1, statements / 2)),
        'CREATE INDEX CONCURRENTLY applied_statement ON applied (statement);',
        ...inserts('0001', range(statements / 2 + 1, statements)),
      ].join('\n'),
      '0002_token/plan.json': stableStringify(plan, 2),
      '0003_more.sql': inserts('0003', range(1, statements)).join('\n'),
    });
  });

  /** Drops what a round made. */
  async function reset(session: Connection): Promise<void> {
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE');
    await session.query('DROP TABLE IF EXISTS applied, tally');
  }

  /** Terminates the lock's holder `kills.length` times, each after its delay; returns how many were ended. */
  async function killer(session: Connection, kills: readonly number[]): Promise<number> {
    let ended = 0;
    for (const delay of kills) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      const holder = await lockHolder(session);
      if (holder === null) continue;
      const { rows } = await session.query<{ ok: boolean }>('SELECT pg_catalog.pg_terminate_backend($1) AS ok', [holder.pid]);
      if (rows[0]?.ok === true) ended++;
    }
    return ended;
  }

  it('every round ends with each statement applied exactly once', { timeout: 120_000 }, async () => {
    const session = await db.connect();
    let lost = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 350 }), { minLength: 1, maxLength: 3 }),
        async (starts, kills) => {
          await reset(session);
          const runs = starts.map(async (start, i) => {
            await new Promise((resolve) => setTimeout(resolve, start));
            return migrate({ url: db.url, directory, appliedBy: `migrator-${i}`, lock: { pollMs: 10, timeoutMs: 60_000 } });
          });
          const [settled] = await Promise.all([Promise.allSettled(runs), killer(session, kills)]);
          for (const result of settled) {
            if (result.status === 'rejected') {
              expect(result.reason).toBeInstanceOf(MigrationLockLostError);
              lost++;
            }
          }
          // Whatever is left (every migrator may have lost the lock) is finished undisturbed.
          await migrate({ url: db.url, directory, appliedBy: 'finisher' });
          const rows = await session.query<{ migration: string; statement: number; n: number }>(
            'SELECT migration, statement, count(*)::int AS n FROM applied GROUP BY 1, 2 ORDER BY 1, 2',
          );
          expect(rows.rows).toEqual(
            ['0001', '0003'].flatMap((migration) => range(1, statements).map((statement) => ({ migration, statement, n: 1 }))),
          );
          const ledger = await session.query(
            `SELECT (SELECT array_agg(name || ':' || status ORDER BY name) FROM wesley.migrations) AS migrations,
                    (SELECT count(*) FILTER (WHERE status <> 'applied')::int FROM wesley.steps) AS unfinished`,
          );
          expect(ledger.rows).toEqual([
            { migrations: ['0001_rows.sql:applied', '0002_token:applied', '0003_more.sql:applied'], unfinished: 0 },
          ]);
          const tally = await session.query(
            `SELECT count(DISTINCT token)::int AS tokens,
                    (SELECT bool_and(indisvalid) AND count(*) = 2 FROM pg_catalog.pg_index WHERE indrelid = 'tally'::regclass) AS indexes
               FROM tally`,
          );
          expect(tally.rows).toEqual([{ tokens: 60, indexes: true }]);
        },
      ),
      { numRuns: 50, seed: 20240613, endOnFailure: true },
    );
    // The rounds did cut runs short: the property was not met by luck of timing.
    expect(lost).toBeGreaterThan(5);
  });
});
