import { rm } from 'node:fs/promises';
import path from 'node:path';
import { emitDdl } from '@wesley/core';
import { describeEachServer, type TestServer } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, type Connection } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import { rollbackMigration } from '../../src/migrate/rollback-migration.js';
import { buildCrashChild } from './support/build-crash-child.js';
import { eventKeysV1 as v1, eventKeysV2 as v2 } from './support/event-keys.js';
import { migrationsDirectory, planFile } from './support/migrations-directory.js';
import { eventPartitionsSql, keysOnEventTree, oddEventTree } from './support/partitioned-event.js';
import { killPoints, type Census } from './support/kill-points.js';
import { runCrashChild } from './support/run-crash-child.js';
import { scratchDatabase, type ScratchDatabase } from './support/scratch-database.js';
import { endStrayBackends } from './support/stray-backends.js';

/**
 * Partitions are found by what they are, not by a name re-read as SQL: a partition whose name
 * needs quoting (`"Event 2024"`, `"event_Q1"`), one in another schema than its parent
 * (`archive`), and a partitioned partition with partitions of its own in both. The index, the
 * unique constraint and the foreign key laid out per partition are built and attached on each,
 * and rolling the migration back leaves none of them on any relation of the tree.
 */
const tree = oddEventTree(200);

let child: string;
beforeAll(async () => {
  child = await buildCrashChild();
}, 60_000);
afterAll(() => rm(path.dirname(child), { recursive: true, force: true }));

describeEachServer('partitions found by their identity: odd names, other schemas, sub-partitions', (server: TestServer) => {
  let db: ScratchDatabase;
  let directory: string;

  beforeAll(async () => {
    db = await scratchDatabase(server);
    const session = await connect(db.url);
    try {
      directory = await migrationsDirectory({ '0001_keys/plan.json': (await planFile(session, v1, v2)).json });
    } finally {
      await session.close();
    }
  }, 60_000);
  afterAll(async () => {
    await db.drop();
    await rm(directory, { recursive: true, force: true });
  });

  async function withSession<T>(work: (session: Connection) => Promise<T>): Promise<T> {
    const session = await connect(db.url);
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }

  async function load(): Promise<void> {
    await db.reset();
    await withSession(async (session) => {
      await session.query('DROP SCHEMA IF EXISTS archive CASCADE');
      await session.query('CREATE SCHEMA archive');
      await session.query(emitDdl(v1));
      await session.query('INSERT INTO device (id) SELECT generate_series(1, 10)');
      for (const sql of eventPartitionsSql(tree, 'event', 10)) await session.query(sql);
    });
  }

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
    await migrate({ url: db.url, directory, appliedBy: 'test' });
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
    await rollbackMigration({ url: db.url, directory, migration: '0001_keys', allowDestructive: true });
    expect(await withSession(keysOnEventTree)).toEqual([]);
  }, 180_000);

  it('killed at any point of the run, then rolled back: no index, key or constraint is left on any relation of the tree', async () => {
    await load();
    const census = await runCrashChild(child, db.url, directory, {});
    if (census.code !== 0) throw new Error(census.stderr);
    const left: Record<string, string[]> = {};
    // The states a kill can leave between statements: before each commit, after each lone write (an event adds
    // none of its own; a kill inside a build is partition-index-rollback.test.ts's, on plain names).
    const points = killPoints(JSON.parse(census.stdout) as Census).filter((point) => 'killAtQuery' in point.kill);
    for (const point of points) {
      await load();
      const killed = await runCrashChild(child, db.url, directory, point.kill);
      expect(killed.signal, `${point.label}: ${killed.stderr}`).toBe('SIGKILL');
      await endStrayBackends(db.url, point.strays);
      // Killed before the migration was recorded: nothing ran, nothing to roll back.
      const recorded = await withSession(async (session) => {
        const { rows } = await session.query<{ ledger: boolean }>(`SELECT to_regclass('wesley.migrations') IS NOT NULL AS ledger`);
        return (
          rows[0]?.ledger === true && (await session.query(`SELECT 1 FROM wesley.migrations WHERE name = '0001_keys'`)).rows.length > 0
        );
      });
      if (recorded) await rollbackMigration({ url: db.url, directory, migration: '0001_keys', allowDestructive: true });
      const found = await withSession(keysOnEventTree);
      if (found.length > 0) left[point.label] = found;
    }
    expect(left).toEqual({});
  }, 900_000);
});
