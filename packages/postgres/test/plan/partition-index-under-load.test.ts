import { expect, it } from 'vitest';
import { emitDdl, planMigration } from '@wesley/core';
import { applyPlan, type Connection, type RunEvent } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { summarizeLatencies } from './support/latency-summary.js';
import { migrateUnderLoad } from './support/migrate-under-load.js';
import { expandClaims } from './support/observe-locks.js';
import { eventKeysV1 as v1, eventKeysV2 as v2 } from '../migrate/support/event-keys.js';

/**
 * One plan made from files that adds an index, a unique constraint and a foreign key on a
 * partitioned table, applied to parents with 0, 2 and 40 partitions holding rows while 4 writers
 * insert into every partition: no write waits longer than the lock wait plus 500 ms, every table
 * lock the migrator is seen holding in pg_locks is claimed by the step it runs (scopes expanded
 * to the partitions the catalog lists), and the index and the constraint's index end valid and
 * attached on every partition, every constraint valid.
 */
const lockTimeoutMs = 200;
const bound = lockTimeoutMs + 500;

const month = (n: number) => `${2020 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;

describeEachServer('an index, a unique constraint and a foreign key on a partitioned table under write load', (server) => {
  const db = useTestDatabase(server);

  for (const count of [0, 2, 40]) {
    it(`${count} partitions: writes wait at most the lock wait + 500 ms, every lock seen is claimed, all valid and attached`, async () => {
      const schema = `under_load_${count}`;
      const probe = await db.connect();
      const version = Number((await probe.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
      await probe.close();
      const { plan, diagnostics } = planMigration(v1, v2, { serverVersion: version });
      if (plan === null) throw new Error(JSON.stringify(diagnostics));
      const setupSql = [
        `CREATE SCHEMA ${schema}; SET search_path TO ${schema};`,
        emitDdl(v1),
        'INSERT INTO device (id) SELECT generate_series(1, 10);',
        ...Array.from({ length: count }, (_, n) => [
          `CREATE TABLE event_p${n} PARTITION OF event FOR VALUES FROM ('${month(n)}') TO ('${month(n + 1)}');`,
          `INSERT INTO event (id, at, reading, device_id) SELECT g, '${month(n)}'::timestamptz + g * interval '1 second', g, g % 10 + 1 FROM generate_series(1, 2000) g;`,
        ]).flat(),
      ].join('\n');
      let current: string | null = null;
      const seen: { step: string; lock: string }[] = [];
      const run = await migrateUnderLoad(
        db,
        {
          setupSql,
          // With no partition an insert has nowhere to go: the load reads the parent instead.
          writes:
            count === 0
              ? [() => ({ table: 'event', sql: [`SELECT count(*) FROM ${schema}.event WHERE $1::int IS NOT NULL`], values: [1] })]
              : [
                  (writer, n) => ({
                    table: 'event',
                    // Each write checks its device under the foreign key: it waits for a lock on device too.
                    sql: [`INSERT INTO ${schema}.event (id, at, reading, device_id) VALUES ($1, $2::timestamptz, $1, $3)`],
                    values: [100_000 + writer * 1_000_000 + n, `${month(n % count)} 12:00:00+00`, (n % 10) + 1],
                  }),
                ],
          writers: 4,
          pauseMs: 2,
          readTables: [],
          readerHoldMs: 0,
        },
        async (migrator: Connection) => {
          await migrator.query(`SET search_path TO ${schema}`);
          const pid = (await migrator.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
          const watcher = await db.connect();
          let done = false;
          const watching = (async () => {
            while (!done) {
              const step = current;
              const { rows } = await watcher.query<{ lock: string }>(
                `SELECT c.relname || ':' || l.mode AS lock FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                  WHERE l.pid = $1 AND l.granted AND c.relkind IN ('r', 'p') AND c.relnamespace = $2::regnamespace`,
                [pid, schema],
              );
              // Only while one step ran throughout the read: locks seen as the next one starts are not the last one's.
              if (step !== null && current === step) for (const { lock } of rows) seen.push({ step, lock });
              await new Promise((resolve) => setTimeout(resolve, 3));
            }
          })();
          const onEvent = (e: RunEvent) => {
            if (e.kind === 'step-start') current = e.stepId;
            if (e.kind === 'step-done') current = null;
          };
          try {
            await applyPlan(migrator, plan, { lockTimeoutMs, holderWaitMs: 0, retries: 40, backoffMs: 10, onEvent });
          } finally {
            done = true;
            await watching;
            await watcher.close();
          }
        },
      );
      const session = await db.connect();
      try {
        await session.query(`SET search_path TO ${schema}`);
        const { rows } = await session.query<{ name: string; partitions: string[] }>(
          `SELECT 'event' AS name, ARRAY(SELECT relid::regclass::text FROM pg_partition_tree('event') WHERE relid <> 'event'::regclass ORDER BY 1) AS partitions`,
        );
        const partitions = new Map(rows.map((row) => [row.name, row.partitions.map((p) => p.replace(`${schema}.`, ''))]));
        const unclaimed = seen.filter(({ step, lock }) => {
          const claims = plan.steps.find((s) => s.id === step)?.locks ?? [];
          return !expandClaims(claims, partitions).includes(lock);
        });
        expect([...new Set(unclaimed.map(({ step, lock }) => `${step} ${lock}`))]).toEqual([]);
        const invalid = await session.query<{ name: string }>(
          `SELECT c.relname AS name FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
            WHERE c.relnamespace = $1::regnamespace AND NOT x.indisvalid`,
          [schema],
        );
        expect(invalid.rows).toEqual([]);
        for (const index of ['event_reading_idx', 'event_reading_at_key']) {
          const indexed = await session.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_partition_tree($1::regclass) WHERE relid <> $1::regclass`,
            [index],
          );
          expect(indexed.rows[0]?.n, index).toBe(count);
        }
        // The parent's unique constraint and foreign key, and one of each on every partition (attached: conparentid), all valid.
        const constraints = await session.query<{ type: string; valid: boolean; partitions: number }>(
          `SELECT c.contype::text AS type, bool_and(c.convalidated) AS valid, count(*) FILTER (WHERE c.conparentid <> 0)::int AS partitions
             FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE t.relnamespace = $1::regnamespace AND c.contype IN ('u', 'f') AND t.relname LIKE 'event%'
            GROUP BY c.contype ORDER BY 1`,
          [schema],
        );
        expect(constraints.rows).toEqual([
          { type: 'f', valid: true, partitions: count },
          { type: 'u', valid: true, partitions: count },
        ]);
      } finally {
        await session.close();
      }
      const summary = summarizeLatencies(run.load.latencies);
      expect(run.load.failures).toEqual([]);
      expect(summary.count).toBeGreaterThan(20);
      console.log(
        `${server.label} ${count} partitions: ${summary.count} writes, max ${Math.round(summary.max)} ms, p99 ${Math.round(summary.p99)} ms; migration ${Math.round(run.migrationMs)} ms`,
      );
      expect(summary.max).toBeLessThan(bound);
    }, 180_000);
  }
});
