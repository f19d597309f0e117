import { compileSchema, emitDdl, planMigration, stableStringify, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { detectDrift } from '../../src/drift/detect-drift.js';
import { migrate } from '../../src/migrate/migrate.js';
import { compile, migrationsDirectory } from './support/migrations-directory.js';

/**
 * A unique constraint on exactly the primary key's columns: PostgreSQL's CREATE TABLE does not
 * create it (the key enforces it already), so the compiler reports it (WES195, a warning at the
 * directive) and leaves it out of the IR; compile, plan and drift then agree with the catalog.
 * One in another column order is a constraint of its own, which PostgreSQL creates.
 */
const body = `type Reading @wes_table @wes_pk(columns: ["id", "at"]) @wes_unique(columns: ["id", "at"]) @wes_unique(columns: ["at", "id"]) {
  id: Int!
  at: DateTime!
  value: Int
}
type Sensor @wes_table {
  id: Int! @wes_pk @wes_unique
  name: String
}
`;

it('reports each unique constraint identical to the primary key where it is written, and leaves it out of the IR', () => {
  const { ir, diagnostics } = compileSchema({ name: 'schema.graphql', body });
  expect(diagnostics.map(({ code, severity, line, column, message }) => ({ code, severity, line, column, message }))).toEqual([
    {
      code: 'WES195',
      severity: 'warning',
      line: 1,
      column: 56,
      message: 'unique constraint on id, at of reading is the primary key reading_pkey: PostgreSQL does not create it',
    },
    {
      code: 'WES195',
      severity: 'warning',
      line: 7,
      column: 20,
      message: 'unique constraint on id of sensor is the primary key sensor_pkey: PostgreSQL does not create it',
    },
  ]);
  expect(ir?.tables.map((table) => [table.name, table.uniques.map((unique) => unique.columns.join(', '))])).toEqual([
    ['reading', ['at, id']],
    ['sensor', []],
  ]);
});

describeEachServer('a unique constraint identical to the primary key', (server) => {
  const db = useTestDatabase(server);
  const schema = compile(body);
  const empty: SchemaIR = { ...schema, tables: [], enums: [] };

  it(
    'migrated as DDL or as a plan: the catalog has the key and the other unique constraint, and drift is clean',
    { timeout: 120_000 },
    async () => {
      const session = await db.connect();
      const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
      const serverVersion = Number(rows[0]?.v);
      const { plan } = planMigration(empty, schema, { serverVersion });
      if (plan === null) throw new Error('no plan');
      for (const [name, file] of [
        ['0001_ddl.sql', emitDdl(schema)],
        ['0001_plan/plan.json', stableStringify(plan, 2)],
      ] as const) {
        await session.query('DROP SCHEMA IF EXISTS wesley CASCADE; DROP TABLE IF EXISTS reading, sensor');
        await migrate({ url: db.url, directory: await migrationsDirectory({ [name]: file }) });
        const constraints = await session.query<{ name: string; type: string }>(
          `SELECT conname AS name, contype::text AS type FROM pg_constraint WHERE conrelid IN ('reading'::regclass, 'sensor'::regclass) AND contype IN ('p', 'u') ORDER BY 1`,
        );
        expect(constraints.rows).toEqual([
          { name: 'reading_at_id_key', type: 'u' },
          { name: 'reading_pkey', type: 'p' },
          { name: 'sensor_pkey', type: 'p' },
        ]);
        expect(await detectDrift(session, schema)).toEqual({ findings: [], notice: null });
      }
    },
  );
});
