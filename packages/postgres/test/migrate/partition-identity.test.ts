import { describeEachServer, type TestServer } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import { rollbackMigration } from '../../src/migrate/rollback-migration.js';
import { eventKeysV1 as v1, eventKeysV2 as v2 } from './support/event-keys.js';
import { killPoints, type Census } from './support/kill-points.js';
import { eventPartitionsSql, keysOnEventTree, oddEventTree } from './support/partitioned-event.js';
import { useCrashChild, usePlannedScratch } from './support/planned-scratch.js';
import { runCrashChild } from './support/run-crash-child.js';
import { endStrayBackends } from './support/stray-backends.js';

/**
 * Partitions are found by what they are, not by a name re-read as SQL: a partition whose name
 * needs quoting (`"Event 2024"`, `"event_Q1"`), one in another schema than its parent
 * (`archive`), and a partitioned partition with partitions of its own in both. The index, the
 * unique constraint and the foreign key laid out per partition are built and attached on each,
 * and rolling the migration back leaves none of them on any relation of the tree.
 */
const setup = [
  'DROP SCHEMA IF EXISTS archive CASCADE',
  'CREATE SCHEMA archive',
  'INSERT INTO device (id) SELECT generate_series(1, 10)',
  ...eventPartitionsSql(oddEventTree(200), 'event', 10),
];

const child = useCrashChild();

describeEachServer('partitions found by their identity: odd names, other schemas, sub-partitions', (server: TestServer) => {
  const scratch = usePlannedScratch(server, '0001_keys', v1, v2);
  const { withSession } = scratch;
  const load = () => scratch.load(setup);

  /** For each relation of the tree: its index attached (valid) to each parent index, and its constraints attached. */
  async function attached(session: Connection): Promise<Record<string, string[]>> {
    const { rows } = await session.query<{ relation: string; what: string }>(
      `SELECT x.indrelid::regclass::text AS relation, p.inhparent::regclass::text || CASE WHEN x.indisvalid THEN '' ELSE ' (invalid)' END AS what
         FROM pg_index x JOIN pg_inherits p ON p.inhrelid = x.indexrelid
       UNION ALL
       SELECT c.conrelid::regclass::text, 'constraint ' || k.conname FROM pg_constraint c JOIN pg_constraint k ON k.oid = c.conparentid
        WHERE c.contype IN ('u', 'f') AND k.conname NOT LIKE '%pkey'
        ORDER BY 1, 2`,
    );
    const found: Record<string, string[]> = {};
    for (const row of rows) if (!row.what.includes('pkey')) (found[row.relation] ??= []).push(row.what);
    return found;
  }

  it('applies every pattern on every partition, then rolls back leaving nothing', async () => {
    await load();
    await migrate({ url: scratch.db.url, directory: scratch.directory, appliedBy: 'test' });
    await withSession(async (session) => {
      const top = ['constraint event_device_id_fkey', 'constraint event_reading_at_key', 'event_reading_at_key', 'event_reading_idx'];
      // A sub-partition's index and unique constraint attach to its partitioned parent's.
      const sub = [
        '"event_Q1_event_reading_at_key"',
        '"event_Q1_event_reading_idx"',
        'constraint event_Q1_event_reading_at_key',
        'constraint event_device_id_fkey',
      ];
      expect(await attached(session)).toEqual({
        '"Event 2024"': top,
        'archive.event_2023': top,
        '"event_Q1"': top,
        '"event_Q1 jan"': sub,
        'archive."Event_Q1_rest"': sub,
      });
    });
    await rollbackMigration({ url: scratch.db.url, directory: scratch.directory, migration: '0001_keys', allowDestructive: true });
    expect(await withSession(keysOnEventTree)).toEqual([]);
  }, 180_000);

  it('killed at any point of the run, then rolled back: no index, key or constraint is left on any relation of the tree', async () => {
    await load();
    const census = await runCrashChild(child(), scratch.db.url, scratch.directory, {});
    if (census.code !== 0) throw new Error(census.stderr);
    const left: Record<string, string[]> = {};
    // The states a kill can leave between statements: before each commit, after each lone write (an event adds
    // none of its own; a kill inside a build is partition-index-rollback.test.ts's, on plain names).
    const points = killPoints(JSON.parse(census.stdout) as Census).filter((point) => 'killAtQuery' in point.kill);
    for (const point of points) {
      await load();
      const killed = await runCrashChild(child(), scratch.db.url, scratch.directory, point.kill);
      expect(killed.signal, `${point.label}: ${killed.stderr}`).toBe('SIGKILL');
      await endStrayBackends(scratch.db.url, point.strays);
      // Killed before the migration was recorded: nothing ran, nothing to roll back.
      const recorded = await withSession(async (session) => {
        const { rows } = await session.query<{ ledger: boolean }>(`SELECT to_regclass('wesley.migrations') IS NOT NULL AS ledger`);
        return (
          rows[0]?.ledger === true && (await session.query(`SELECT 1 FROM wesley.migrations WHERE name = '0001_keys'`)).rows.length > 0
        );
      });
      if (recorded)
        await rollbackMigration({ url: scratch.db.url, directory: scratch.directory, migration: '0001_keys', allowDestructive: true });
      const found = await withSession(keysOnEventTree);
      if (found.length > 0) left[point.label] = found;
    }
    expect(left).toEqual({});
  }, 900_000);
});
