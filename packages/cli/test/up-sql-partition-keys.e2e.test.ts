import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { emitDdl, planMigration } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventKeysV1 as v1, eventKeysV2 as v2 } from '../../postgres/test/migrate/support/event-keys.js';
import { renderMigrationSql } from '../src/plan/render-migration-sql.js';
import { psqlFile } from './psql.js';

/**
 * up.sql of a plan that adds an index, a unique constraint and a foreign key to a partitioned
 * table (each laid out per partition, the partitions read by psql's `\gexec` as it runs the
 * file), run by psql on a table with partitions holding rows: every index valid and attached on
 * each partition, the unique constraint and the foreign key valid with one attached per partition.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-up-keys-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describeEachServer('up.sql of a partitioned table given an index, a unique constraint and a foreign key', (server) => {
  const db = useTestDatabase(server);

  it('psql runs it: every index valid and attached, every constraint valid and attached on each partition', async () => {
    const session = await db.connect();
    try {
      const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
      await session.query(emitDdl(v1));
      await session.query('INSERT INTO device (id) SELECT generate_series(1, 10)');
      for (const n of [1, 2, 3]) {
        await session.query(`CREATE TABLE event_m${n} PARTITION OF event FOR VALUES FROM ('2020-0${n}-01') TO ('2020-0${n + 1}-01')`);
        await session.query(
          `INSERT INTO event (id, at, reading, device_id) SELECT g, '2020-0${n}-01'::timestamptz + g * interval '1 minute', g, g % 10 + 1 FROM generate_series(1, 200) g`,
        );
      }
      const { plan, diagnostics } = planMigration(v1, v2, { serverVersion: version });
      if (plan === null) throw new Error(JSON.stringify(diagnostics));
      const file = path.join(dir, `up-${server.label}.sql`);
      await writeFile(file, renderMigrationSql(plan, 'up'));
      await psqlFile(db.url, file);

      for (const index of ['event_reading_idx', 'event_reading_at_key']) {
        const { rows } = await session.query<{ valid: boolean; attached: number }>(
          `SELECT x.indisvalid AS valid, (SELECT count(*)::int FROM pg_inherits WHERE inhparent = $1::regclass) AS attached
             FROM pg_index x WHERE x.indexrelid = $1::regclass`,
          [index],
        );
        expect(rows, index).toEqual([{ valid: true, attached: 3 }]);
      }
      const constraints = await session.query<{ type: string; valid: boolean; attached: number }>(
        `SELECT c.contype::text AS type, bool_and(c.convalidated) AS valid, count(*) FILTER (WHERE c.conparentid <> 0)::int AS attached
           FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
          WHERE c.contype IN ('u', 'f') AND t.relname LIKE 'event%'
          GROUP BY c.contype ORDER BY 1`,
      );
      expect(constraints.rows).toEqual([
        { type: 'f', valid: true, attached: 3 },
        { type: 'u', valid: true, attached: 3 },
      ]);
    } finally {
      await session.close();
    }
  }, 120_000);
});
