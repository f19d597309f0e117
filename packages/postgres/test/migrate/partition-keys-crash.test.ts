import { describeEachServer, type TestServer } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { migrate } from '../../src/migrate/migrate.js';
import { rollbackMigration } from '../../src/migrate/rollback-migration.js';
import { eventKeysV1 as v1, eventKeysV2 as v2 } from './support/event-keys.js';
import type { Census } from './support/kill-points.js';
import { useCrashChild, usePlannedScratch } from './support/planned-scratch.js';
import { runCrashChild, type KillPoint } from './support/run-crash-child.js';
import { endStrayBackends } from './support/stray-backends.js';

/**
 * One plan made from files adds an index, a unique constraint and a foreign key to a partitioned
 * table (each laid out per partition, the partitions read when the steps run); the migrator is
 * killed with SIGKILL inside concurrent builds and at statements drawn at random over the run,
 * then run again: every index ends valid and attached on every partition, every constraint valid
 * and attached, and no partition holds an index twice.
 */
const count = 5;
const month = (n: number) => `2020-${String(n + 1).padStart(2, '0')}-01`;
const setup = [
  'INSERT INTO device (id) SELECT generate_series(1, 10);',
  ...Array.from({ length: count }, (_, n) => [
    `CREATE TABLE event_p${n} PARTITION OF event FOR VALUES FROM ('${month(n)}') TO ('${month(n + 1)}');`,
    `INSERT INTO event (id, at, reading, device_id) SELECT g, '${month(n)}'::timestamptz + g * interval '1 second', g, g % 10 + 1 FROM generate_series(1, 300) g;`,
  ]).flat(),
];

/** `n` distinct numbers in [1, max], drawn with a fixed seed so that a failure can be run again. */
function draw(n: number, max: number, seed: number): number[] {
  let state = seed;
  const picked = new Set<number>();
  while (picked.size < Math.min(n, max)) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    picked.add(1 + (state % max));
  }
  return [...picked].sort((a, b) => a - b);
}

const child = useCrashChild();

describeEachServer('an index, a unique constraint and a foreign key on a partitioned table, killed and run again', (server: TestServer) => {
  const scratch = usePlannedScratch(server, '0001_keys', v1, v2);
  const { withSession } = scratch;
  const load = () => scratch.load(setup);

  /** What is not as it should be once the migration is applied: each a line naming the relation. */
  function problems(): Promise<string[]> {
    return withSession(async (session) => {
      const found: string[] = [];
      for (const index of ['event_reading_idx', 'event_reading_at_key']) {
        // Each partition's index attached to the parent's, and every one of them valid.
        const { rows } = await session.query<{ relation: string; problem: string | null }>(
          `SELECT p.relid::regclass::text AS relation,
                  CASE WHEN i.indexrelid IS NULL THEN 'no attached index' WHEN NOT i.indisvalid THEN 'invalid index' END AS problem
             FROM pg_partition_tree('event') p
             LEFT JOIN LATERAL (
               SELECT x.indexrelid, x.indisvalid FROM pg_index x
                WHERE x.indrelid = p.relid AND (x.indexrelid = to_regclass($1) OR x.indexrelid IN (
                  SELECT inhrelid FROM pg_inherits WHERE inhparent = to_regclass($1)))
             ) i ON true`,
          [index],
        );
        found.push(...rows.filter((row) => row.problem !== null).map((row) => `${index} on ${row.relation}: ${row.problem}`));
      }
      const { rows } = await session.query<{ type: string; valid: boolean; attached: number; indexes: number }>(
        `SELECT c.contype::text AS type, bool_and(c.convalidated) AS valid,
                count(*) FILTER (WHERE c.conparentid <> 0)::int AS attached,
                (SELECT count(*)::int FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname LIKE 'event_p%' AND NOT x.indisprimary) AS indexes
           FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
          WHERE c.contype IN ('u', 'f') AND t.relname LIKE 'event%'
          GROUP BY c.contype ORDER BY 1`,
      );
      // Two indexes per partition (the index and the unique constraint's), none built twice.
      const expected = [
        { type: 'f', valid: true, attached: count, indexes: 2 * count },
        { type: 'u', valid: true, attached: count, indexes: 2 * count },
      ];
      if (JSON.stringify(rows) !== JSON.stringify(expected)) found.push(`constraints: ${JSON.stringify(rows)}`);
      const ledger = await session.query<{ exists: boolean }>(`SELECT to_regclass('wesley.steps') IS NOT NULL AS exists`);
      if (ledger.rows[0]?.exists !== true) return [...found, 'no ledger'];
      const pending = await session.query<{ step: string }>(
        `SELECT step_id AS step FROM wesley.steps WHERE migration = '0001_keys' AND status <> 'applied' ORDER BY 1`,
      );
      found.push(...pending.rows.map((row) => `step ${row.step} not applied`));
      return found;
    });
  }

  it('applies whole on a parent with partitions holding rows', async () => {
    await load();
    // Before the migration the checks see every partition without its indexes and no constraint.
    expect((await problems()).filter((problem) => problem.endsWith('no attached index'))).toHaveLength(2 * (count + 1));
    await migrate({ url: scratch.db.url, directory: scratch.directory, appliedBy: 'test' });
    expect(await problems()).toEqual([]);
  }, 120_000);

  it('killed with SIGKILL in builds and at random statements, then run again: every index valid and attached, every constraint valid', async () => {
    await load();
    const census = await runCrashChild(child(), scratch.db.url, scratch.directory, {});
    if (census.code !== 0) throw new Error(census.stderr);
    const queries = (JSON.parse(census.stdout) as { queries: unknown[] }).queries.length;
    // Two rounds of concurrent builds (the unique constraint's indexes, the index's), and statements anywhere.
    const points: KillPoint[] = [
      ...[1, 4, 6, 9].map((n) => ({ killInConcurrent: n, holderOutlives: false })),
      ...draw(10, queries - 1, server.label.length * 7919).map((n) => ({ killAtQuery: n })),
    ];
    for (const point of points) {
      await load();
      const killed = await runCrashChild(child(), scratch.db.url, scratch.directory, point);
      expect(killed.signal, `${JSON.stringify(point)}: ${killed.stderr}`).toBe('SIGKILL');
      await endStrayBackends(scratch.db.url, 'finish');
      await migrate({ url: scratch.db.url, directory: scratch.directory, appliedBy: 'test' });
      expect(await problems(), JSON.stringify(point)).toEqual([]);
    }
  }, 900_000);

  it('killed after some partitions got the foreign key, then rolled back: no key, constraint or index is left on any partition', async () => {
    await load();
    const census = await runCrashChild(child(), scratch.db.url, scratch.directory, {});
    if (census.code !== 0) throw new Error(census.stderr);
    const queries = (JSON.parse(census.stdout) as Census).queries.map((query) => query.sql);
    // The COMMIT after the second foreign key added (NOT VALID on a partition before 18; from 18 the parent's, the one):
    // `killAtQuery` is 1-based and kills before the statement, so + 2 kills right after that COMMIT.
    const added = queries.flatMap((sql, i) => (/ADD CONSTRAINT \S+ FOREIGN KEY/.test(sql) ? [i] : []));
    const nth = added[Math.min(1, added.length - 1)];
    if (nth === undefined) throw new Error('no foreign key added in the census');
    const commit = queries.findIndex((sql, i) => i > nth && /^COMMIT/.test(sql));
    await load();
    const killed = await runCrashChild(child(), scratch.db.url, scratch.directory, { killAtQuery: commit + 2 });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    await endStrayBackends(scratch.db.url, 'finish');
    const left = () =>
      withSession(async (session) => {
        const { rows } = await session.query<{ line: string }>(
          `SELECT t.relname || ': ' || c.conname AS line FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE t.relname LIKE 'event%' AND c.contype IN ('u', 'f')
           UNION ALL
           SELECT t.relname || ': ' || i.relname FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
            WHERE t.relname LIKE 'event%' AND NOT x.indisprimary
           ORDER BY 1`,
        );
        return rows.map((row) => row.line);
      });
    expect(
      (await left()).some((line) => line.endsWith('_fkey')),
      'a foreign key was added before the kill',
    ).toBe(true);
    await rollbackMigration({ url: scratch.db.url, directory: scratch.directory, migration: '0001_keys', allowDestructive: true });
    expect(await left()).toEqual([]);
  }, 300_000);
});
