import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileSchema, emitDdl, planMigration, quoteIdent, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import type { Connection } from '../../src/connect/connect.js';

/**
 * What docs/rls.md ("Changing policies", partitioned tables) says PostgreSQL does with a
 * partitioned table's row-level security, on real servers through an application role: the
 * parent's policies and privileges hold for queries through the parent; a partition named
 * directly has neither (refused without a privilege of its own; unfiltered with one).
 */
const suffix = randomBytes(4).toString('hex');
const app = `rls_part_app_${suffix}`;

function compile(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'rls-partitions.graphql', body });
  if (ir === null) throw new Error(`schema does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

const schema = compile(`type Reading @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])
  @wes_tenant(by: "tenantId") @wes_grant(roles: ["${app}"]) {
  id: BigInt!
  at: DateTime!
  tenantId: BigInt!
}`);

describeEachServer('row-level security of a partitioned table', (server) => {
  const db = useTestDatabase(server);
  let admin: Connection;
  let appSession: Connection;

  beforeAll(async () => {
    admin = await db.connect();
    await admin.query(`CREATE ROLE ${quoteIdent(app)} NOLOGIN`);
    await admin.query(emitDdl(schema));
    await admin.query(`CREATE TABLE reading_2024 PARTITION OF reading FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE reading_2025 PARTITION OF reading FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`);
    await admin.query(
      `INSERT INTO reading SELECT g, timestamptz '2024-06-01' + g * interval '4 hours', g % 3 FROM generate_series(1, 3000) AS g`,
    );
    appSession = await db.connect();
    await appSession.query(`SET ROLE ${quoteIdent(app)}`);
    await appSession.query(`SELECT set_config('app.tenant_id', '1', false)`);
  });

  afterAll(async () => {
    await appSession.close();
    await admin.query(`DROP OWNED BY ${quoteIdent(app)} CASCADE`);
    await admin.query(`DROP ROLE ${quoteIdent(app)}`);
  });

  it('puts every statement on the parent: the plan of a new partitioned table with tenant security names no partition', () => {
    const empty = compile('type Query { ping: Int }');
    const plan = planMigration(empty, schema).plan;
    expect(plan?.steps.flatMap((step) => step.sql).filter((sql) => /POLICY|ROW LEVEL|GRANT/.test(sql))).toEqual([
      `GRANT SELECT, INSERT, UPDATE, DELETE ON reading TO ${app};`,
      expect.stringMatching(/^CREATE POLICY reading_tenant_isolation ON reading /) as string,
      'ALTER TABLE reading ENABLE ROW LEVEL SECURITY;',
      'ALTER TABLE reading FORCE ROW LEVEL SECURITY;',
    ]);
    expect(plan?.steps.flatMap((step) => step.locks.map((claim) => claim.scope ?? 'table'))).not.toContain('partitions');
  });

  it("holds the parent's policies for every partition a query through the parent reaches", async () => {
    const { rows } = await appSession.query<{ tenant_id: string; n: number }>(
      'SELECT tenant_id, count(*)::int AS n FROM reading GROUP BY 1 ORDER BY 1',
    );
    expect(rows).toEqual([{ tenant_id: '1', n: 1000 }]);
    await expect(appSession.query(`INSERT INTO reading VALUES (9001, '2025-03-01', 2)`)).rejects.toThrow(/row-level security policy/);
  });

  it('refuses a partition named directly (no privilege of its own), and with a privilege given outside the schema, filters nothing', async () => {
    await expect(appSession.query('SELECT count(*) FROM reading_2024')).rejects.toMatchObject({ code: '42501' });
    await admin.query(`GRANT SELECT ON reading_2025 TO ${quoteIdent(app)}`);
    const { rows } = await appSession.query<{ n: number }>('SELECT count(DISTINCT tenant_id)::int AS n FROM reading_2025');
    expect(rows).toEqual([{ n: 3 }]);
  });
});
