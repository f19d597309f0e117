import { describeEachServer, type TestServer } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import type { MigrateEvent } from '../../src/migrate/migrate-events.js';
import { eventV1 as v1, eventV2 as v2 } from './support/event-reading-index.js';
import { useCrashChild, usePlannedScratch } from './support/planned-scratch.js';
import { runCrashChild } from './support/run-crash-child.js';
import { endStrayBackends } from './support/stray-backends.js';

/**
 * An index on a partitioned table, planned from files (no partitions known when planned), is a
 * pattern the executor resolves when it runs: `ON ONLY` the parent, then each partition found in
 * the catalog built concurrently and attached. The same plan.json is applied to parents with 0, 2
 * and 40 partitions (and a sub-partitioned one), and to a migrator killed with SIGKILL at points
 * through the partitions, then run again: every partition's index ends valid and attached, and
 * the parent's valid.
 */
const child = useCrashChild();

/** `count` monthly partitions of `event` from January 2020, each holding `rows` rows. */
function partitions(count: number, rows: number): string[] {
  const month = (n: number) => `${2020 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;
  return Array.from({ length: count }, (_, n) => [
    `CREATE TABLE event_p${n} PARTITION OF event FOR VALUES FROM ('${month(n)}') TO ('${month(n + 1)}');`,
    `INSERT INTO event (id, at, reading) SELECT g, '${month(n)}'::timestamptz + g * interval '1 second', g FROM generate_series(1, ${rows}) g;`,
  ]).flat();
}

/** The index tree of `index` over the table tree of `event`: each relation with its index, attached and valid or not. */
async function indexTree(session: Connection, index: string): Promise<{ tables: number; indexed: string[]; problems: string[] }> {
  const { rows } = await session.query<{ tab: string; idx: string | null; valid: boolean | null }>(
    `SELECT t.relid::text AS tab, i.relid::text AS idx, x.indisvalid AS valid
       FROM pg_partition_tree('event') t
       LEFT JOIN pg_partition_tree($1::regclass) i ON EXISTS (SELECT 1 FROM pg_index y WHERE y.indexrelid = i.relid AND y.indrelid = t.relid)
       LEFT JOIN pg_index x ON x.indexrelid = i.relid`,
    [index],
  );
  const problems = rows
    .filter((row) => row.idx === null || row.valid !== true)
    .map((row) => `${row.tab}: ${row.idx ?? 'no index'} ${String(row.valid)}`);
  return { tables: rows.length, indexed: rows.flatMap((row) => (row.idx === null ? [] : [row.idx])).sort(), problems };
}

describeEachServer('an index on a partitioned table, resolved when it runs', (server: TestServer) => {
  const scratch = usePlannedScratch(server, '0001_index', v1, v2);
  const { load, withSession } = scratch;

  function outcome(): Promise<{ tables: number; indexed: string[]; problems: string[]; steps: string[] }> {
    return withSession(async (session) => {
      const tree = await indexTree(session, 'event_reading_idx');
      const { rows } = await session.query<{ step: string; status: string }>(
        `SELECT step_id AS step, status FROM wesley.steps WHERE migration = '0001_index' ORDER BY step_id`,
      );
      return { ...tree, steps: rows.map((row) => `${row.step} ${row.status}`) };
    });
  }

  it('is planned as a pattern: ON ONLY the parent, then every partition found when it runs, with scoped lock claims', () => {
    expect(scratch.plan.steps.map((step) => [step.id, step.transactional, step.locks])).toEqual([
      ['add-index:event.event_reading_idx:parent', true, [{ relation: 'event', mode: 'ShareLock' }]],
      [
        'add-index:event.event_reading_idx:partitions',
        false,
        [
          { relation: 'event', mode: 'AccessShareLock', scope: 'tree' },
          { relation: 'event', mode: 'ShareUpdateExclusiveLock', scope: 'leaves' },
          { relation: 'event', mode: 'ShareLock', scope: 'partitioned' },
        ],
      ],
    ]);
  });

  for (const count of [0, 2, 40]) {
    it(`one plan applies to a parent with ${count} partitions holding rows`, async () => {
      await load(partitions(count, 200));
      const events: MigrateEvent[] = [];
      await migrate({ url: scratch.db.url, directory: scratch.directory, appliedBy: 'test', onEvent: (event) => events.push(event) });
      const result = await outcome();
      expect(result.problems).toEqual([]);
      expect(result.tables).toBe(count + 1);
      // One event per partition, as each is committed: n of the partitions the table has.
      const progress = events.flatMap((event) => (event.kind === 'partition-done' ? [[event.partition, event.done, event.total]] : []));
      expect(progress.map(([partition]) => partition)).toEqual(
        progress.map(() => expect.stringMatching(/^public\.event_p\d+$/) as unknown),
      );
      expect(progress.map(([, done, total]) => [done, total])).toEqual(Array.from({ length: count }, (_, n) => [n + 1, count]));
      expect(result.steps).toEqual(scratch.plan.steps.map((step) => `${step.id} applied`).sort());
    }, 120_000);
  }

  it('sub-partitions get their index too: ON ONLY on a partitioned partition, built on its own partitions, attached up the tree', async () => {
    await load([
      `CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY RANGE (at);`,
      `CREATE TABLE event_2024_h1 PARTITION OF event_2024 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');`,
      `CREATE TABLE event_2024_h2 PARTITION OF event_2024 FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');`,
      ...partitions(2, 100),
      `INSERT INTO event (id, at, reading) SELECT g, '2024-01-01'::timestamptz + g * interval '1 hour', g FROM generate_series(1, 500) g;`,
    ]);
    await migrate({ url: scratch.db.url, directory: scratch.directory, appliedBy: 'test' });
    const result = await outcome();
    expect(result.problems).toEqual([]);
    expect(result.tables).toBe(6);
  }, 120_000);

  it('killed with SIGKILL in builds and between partitions, then run again: every index valid and attached, each partition built once', async () => {
    const setup = partitions(5, 300);
    await load(setup);
    const census = await runCrashChild(child(), scratch.db.url, scratch.directory, {});
    if (census.code !== 0) throw new Error(census.stderr);
    const queries = (JSON.parse(census.stdout) as { queries: unknown[] }).queries.length;
    // Kill points: inside each of the first concurrent builds, and statements spread over the run.
    const points = [
      ...[1, 3, 5].map((n) => ({ killInConcurrent: n, holderOutlives: false })),
      ...Array.from({ length: 8 }, (_, n) => ({ killAtQuery: 1 + Math.floor(((n + 1) * queries) / 9) })),
    ];
    for (const point of points) {
      await load(setup);
      const killed = await runCrashChild(child(), scratch.db.url, scratch.directory, point);
      expect(killed.signal, `${JSON.stringify(point)}: ${killed.stderr}`).toBe('SIGKILL');
      await endStrayBackends(scratch.db.url, 'finish');
      await migrate({ url: scratch.db.url, directory: scratch.directory, appliedBy: 'test' });
      const result = await outcome();
      expect(result.problems, JSON.stringify(point)).toEqual([]);
      expect(result.tables, JSON.stringify(point)).toBe(6);
      // No partition holds a second index: a build was never redone beside a valid one.
      await withSession(async (session) => {
        const { rows } = await session.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid WHERE c.relname LIKE 'event_p%' AND NOT x.indisprimary`,
        );
        expect(rows[0]?.n, JSON.stringify(point)).toBe(5);
      });
    }
  }, 600_000);
});
