import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { emitDdl, planMigration, rollbackPlan, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compile } from '../../postgres/test/migrate/support/migrations-directory.js';
import { eventPartitionsSql, keysOnEventTree, oddEventTree } from '../../postgres/test/migrate/support/partitioned-event.js';
import { renderMigrationSql } from '../src/plan/render-migration-sql.js';
import { psqlFile } from './psql.js';

/**
 * down.sql after an up.sql that psql stopped part way through a per-partition step (here: the
 * file cut before its first attach): the partitions' indexes and keys built and not attached,
 * which the drop of the parent's index or key does not take, are found in the catalog as psql
 * runs down.sql and dropped, on partitions with names that need quoting, in another schema and
 * under a partitioned partition. Nothing of the migration is left.
 */
const event = (extra: string, table = '') => `
type Event @wes_table${table} @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])${extra} {
  id: Int!
  at: DateTime!
  reading: Int
}`;
const v1 = compile(event(''));

const tree = oddEventTree(50);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-down-leftovers-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describeEachServer('down.sql after an up.sql stopped in a per-partition step', (server) => {
  const db = useTestDatabase(server);

  const cases: { name: string; to: SchemaIR; left: RegExp }[] = [
    { name: 'an index', to: compile(event(' @wes_index(columns: ["reading"])')), left: /event_reading_idx/ },
    { name: 'a unique constraint', to: compile(event(' @wes_unique(columns: ["reading", "at"])')), left: /event_reading_at_key/ },
  ];
  for (const { name, to, left } of cases) {
    it(`${name}: what the stopped up.sql left on the partitions is dropped, nothing is left`, async () => {
      const session = await db.connect();
      try {
        await session.query('DROP SCHEMA IF EXISTS archive CASCADE; DROP TABLE IF EXISTS event CASCADE; CREATE SCHEMA archive');
        await session.query(emitDdl(v1));
        for (const sql of eventPartitionsSql(tree)) await session.query(sql);
        const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
        const { plan, diagnostics } = planMigration(v1, to, { serverVersion: version });
        if (plan === null) throw new Error(JSON.stringify(diagnostics));
        const down = rollbackPlan(plan).plan;
        if (down === null) throw new Error('no down plan');
        // up.sql up to its first attach: every build done (and a partitioned partition's own), none attached.
        const up = renderMigrationSql(plan, 'up');
        const cut = up.slice(0, up.lastIndexOf('SELECT ', up.indexOf('ATTACH PARTITION')));
        expect(cut).not.toContain('ATTACH PARTITION');
        await writeFile(path.join(dir, `up-${server.label}.sql`), cut);
        await psqlFile(db.url, path.join(dir, `up-${server.label}.sql`));
        const stopped = await keysOnEventTree(session);
        // Each partition holds its own, unattached (the parent's index or key too).
        expect(stopped.filter((line) => left.test(line)).length, stopped.join('\n')).toBeGreaterThanOrEqual(6);

        await writeFile(path.join(dir, `down-${server.label}.sql`), renderMigrationSql(down, 'down', plan));
        await psqlFile(db.url, path.join(dir, `down-${server.label}.sql`));
        expect(await keysOnEventTree(session)).toEqual([]);
      } finally {
        await session.close();
      }
    }, 120_000);
  }

  it('a table whose name needs quoting ("Event Log"): up.sql builds and attaches on every partition, down.sql leaves nothing', async () => {
    const named = ' (name: "Event Log")';
    const from = compile(event('', named));
    const to = compile(event(' @wes_index(columns: ["reading"]) @wes_unique(columns: ["reading", "at"])', named));
    const session = await db.connect();
    try {
      await session.query('DROP SCHEMA IF EXISTS archive CASCADE; DROP TABLE IF EXISTS event CASCADE; CREATE SCHEMA archive');
      await session.query(emitDdl(from));
      for (const sql of eventPartitionsSql(tree, '"Event Log"')) await session.query(sql);
      const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
      const { plan, diagnostics } = planMigration(from, to, { serverVersion: version });
      if (plan === null) throw new Error(JSON.stringify(diagnostics));
      await writeFile(path.join(dir, `up-named-${server.label}.sql`), renderMigrationSql(plan, 'up'));
      await psqlFile(db.url, path.join(dir, `up-named-${server.label}.sql`));
      // Each of the five partitions has the index and the key's index, each attached and valid; on all six tables, the key.
      const { rows } = await session.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_inherits h JOIN pg_index x ON x.indexrelid = h.inhrelid WHERE x.indisvalid AND NOT x.indisprimary
            AND x.indrelid IN (SELECT inhrelid FROM pg_inherits)`,
      );
      expect(rows).toEqual([{ n: 10 }]);
      expect(await keysOnEventTree(session, 'Event Log')).toHaveLength(2 * 6 + 6);
      const down = rollbackPlan(plan).plan;
      if (down === null) throw new Error('no down plan');
      await writeFile(path.join(dir, `down-named-${server.label}.sql`), renderMigrationSql(down, 'down', plan));
      await psqlFile(db.url, path.join(dir, `down-named-${server.label}.sql`));
      expect(await keysOnEventTree(session, 'Event Log')).toEqual([]);
    } finally {
      await session.close();
    }
  }, 120_000);
});
