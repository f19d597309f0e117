import { describeEachServer, type TestServer } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { rollbackMigration } from '../../src/migrate/rollback-migration.js';
import { eventV1 as v1, eventV2 as v2 } from './support/event-reading-index.js';
import type { Census } from './support/kill-points.js';
import { useCrashChild, usePlannedScratch } from './support/planned-scratch.js';
import { runCrashChild, type KillPoint } from './support/run-crash-child.js';
import { endStrayBackends } from './support/stray-backends.js';

/**
 * Rolling back an index on a partitioned table that a killed migrator left part way: dropping the
 * parent's index drops the partitions' indexes attached to it, not one built and not yet attached
 * (valid, or INVALID from a build killed while it ran) nor a partitioned partition's `ON ONLY`
 * index not yet attached. `rollbackMigration` drops those too: no index of the migration is left.
 */

/** Two monthly partitions and a partitioned one with two of its own, each holding rows. */
const setup = [
  `CREATE TABLE event_2023_01 PARTITION OF event FOR VALUES FROM ('2023-01-01') TO ('2023-02-01');`,
  `CREATE TABLE event_2023_02 PARTITION OF event FOR VALUES FROM ('2023-02-01') TO ('2023-03-01');`,
  `CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY RANGE (at);`,
  `CREATE TABLE event_2024_h1 PARTITION OF event_2024 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');`,
  `CREATE TABLE event_2024_h2 PARTITION OF event_2024 FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');`,
  `INSERT INTO event (id, at, reading) SELECT g, '2023-01-01'::timestamptz + g * interval '1 hour', g FROM generate_series(1, 1400) g;`,
  `INSERT INTO event (id, at, reading) SELECT g, '2024-01-01'::timestamptz + g * interval '5 hours', g FROM generate_series(1, 1700) g;`,
];

const child = useCrashChild();

describeEachServer('rolling back an index on a partitioned table stopped part way', (server: TestServer) => {
  const scratch = usePlannedScratch(server, '0001_index', v1, v2);
  const { withSession } = scratch;
  const load = () => scratch.load(setup);

  /** Every index on the table tree of `event` but the primary keys', as `table: index (valid)`, and what is attached to what. */
  function indexes(): Promise<{ indexes: string[]; attached: string[] }> {
    return withSession(async (session) => {
      const { rows } = await session.query<{ line: string }>(
        `SELECT c.relname || ': ' || i.relname || CASE WHEN x.indisvalid THEN '' ELSE ' (invalid)' END AS line
           FROM pg_partition_tree('event') t
           JOIN pg_class c ON c.oid = t.relid JOIN pg_index x ON x.indrelid = t.relid JOIN pg_class i ON i.oid = x.indexrelid
          WHERE NOT x.indisprimary ORDER BY 1`,
      );
      const attached = await session.query<{ line: string }>(
        `SELECT c.relname || ' -> ' || p.relname AS line FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid
           JOIN pg_class p ON p.oid = h.inhparent WHERE c.relkind IN ('i', 'I') AND NOT c.relname LIKE '%pkey%' ORDER BY 1`,
      );
      return { indexes: rows.map((row) => row.line), attached: attached.rows.map((row) => row.line) };
    });
  }

  it('killed between a build and its attach, in a build, or before an ON ONLY index of a partition is attached: rolled back, no index is left', async () => {
    await load();
    const census = await runCrashChild(child(), scratch.db.url, scratch.directory, {});
    if (census.code !== 0) throw new Error(census.stderr);
    const queries = (JSON.parse(census.stdout) as Census).queries.map((query) => query.sql);
    const after = (pattern: RegExp, nth = 1): number => {
      const found = queries.flatMap((sql, i) => (pattern.test(sql) ? [i] : []))[nth - 1];
      if (found === undefined) throw new Error(`no statement ${String(pattern)} #${nth} in the census`);
      // `killAtQuery` is 1-based and kills before the statement: the one after the match.
      return found + 2;
    };
    /** Before the statement after the COMMIT of the nth statement matching `pattern`. */
    const committed = (pattern: RegExp, nth: number): number => {
      const commit = queries.findIndex((sql, i) => i >= after(pattern, nth) - 1 && /^COMMIT/.test(sql));
      if (commit < 0) throw new Error(`no COMMIT after ${String(pattern)} #${nth}`);
      return commit + 2;
    };
    const points: { name: string; kill: KillPoint; left: RegExp }[] = [
      // The first build (event_2023_01) done, its attach not begun: a valid index on its own.
      { name: 'after the first build', kill: { killAtQuery: after(/^CREATE INDEX CONCURRENTLY/) }, left: /event_2023_01: / },
      // The second build killed while it waits for a snapshot: its index finishes valid, unattached.
      { name: 'in the second build', kill: { killInConcurrent: 2, holderOutlives: false }, left: /event_2023_02: / },
      // event_2024's ON ONLY index created and committed, not attached: its partitions' indexes would attach to it.
      {
        name: "after a partitioned partition's ON ONLY index",
        kill: { killAtQuery: committed(/^CREATE INDEX .* ON ONLY /, 2) },
        left: /event_2024: /,
      },
      // A build of a sub-partition done, not attached to event_2024's index.
      {
        name: 'after a build in the partitioned partition',
        kill: { killAtQuery: after(/^CREATE INDEX CONCURRENTLY/, 3) },
        left: /event_2024_h1: /,
      },
    ];
    for (const point of points) {
      await load();
      const killed = await runCrashChild(child(), scratch.db.url, scratch.directory, point.kill);
      expect(killed.signal, `${point.name}: ${killed.stderr}`).toBe('SIGKILL');
      await endStrayBackends(scratch.db.url, 'finish');
      // What the kill left: an index the parent's drop alone would leave behind.
      const before = await indexes();
      expect(
        before.indexes.filter((line) => point.left.test(line)),
        `${point.name}: ${JSON.stringify(before)}`,
      ).toHaveLength(1);
      const result = await rollbackMigration({
        url: scratch.db.url,
        directory: scratch.directory,
        migration: '0001_index',
        allowDestructive: true,
      });
      expect(result.already, point.name).toBe(false);
      expect(await indexes(), `${point.name}: left after the rollback`).toEqual({ indexes: [], attached: [] });
    }
  }, 600_000);
});
