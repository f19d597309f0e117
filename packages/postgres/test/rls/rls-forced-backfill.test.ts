import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileSchema, emitDdl, planMigration, quoteIdent, quoteLiteral, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { connect, type Connection } from '../../src/connect/connect.js';
import { applyPlan } from '../../src/execute/apply-plan.js';

/**
 * What WES460 warns about, on real servers: a backfill of a table whose row-level security is
 * forced, run by its owner (not a superuser), fills only the rows the policies admit to the
 * migrating session, none when they read a tenant it does not set; the same plan run by the
 * owner given BYPASSRLS fills every row.
 */
const suffix = randomBytes(4).toString('hex');
const owner = `rls_fill_owner_${suffix}`;
const password = `pw_${suffix}`;

function compile(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'rls-forced-backfill.graphql', body });
  if (ir === null) throw new Error(`schema does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

const v1 = compile(`type Orders @wes_table @wes_tenant(by: "tenantId") {
  id: BigInt! @wes_pk
  tenantId: BigInt!
}`);
const v2 = compile(`type Orders @wes_table @wes_tenant(by: "tenantId") {
  id: BigInt! @wes_pk
  tenantId: BigInt!
  token: UUID! @wes_default(expr: "gen_random_uuid()")
}`);

describeEachServer('backfill of a table with forced row-level security (WES460)', (server) => {
  const db = useTestDatabase(server);
  let admin: Connection;
  let asOwner: Connection;

  beforeAll(async () => {
    admin = await db.connect();
    await admin.query(`CREATE ROLE ${quoteIdent(owner)} LOGIN PASSWORD ${quoteLiteral(password)}`);
    await admin.query(`GRANT CREATE ON SCHEMA public TO ${quoteIdent(owner)}`);
    const url = new URL(db.url);
    url.username = owner;
    url.password = password;
    asOwner = await connect(url.toString());
  });

  afterAll(async () => {
    await asOwner.close();
    await admin.query(`DROP OWNED BY ${quoteIdent(owner)} CASCADE`);
    await admin.query(`DROP ROLE ${quoteIdent(owner)}`);
  });

  /** v1 created by the owner with rows of three tenants (the superuser inserts them: it is never held), then v1 -> v2 applied by the owner. */
  async function fill(): Promise<{ filled: number; total: number }> {
    await admin.query('DROP TABLE IF EXISTS orders');
    await asOwner.query(emitDdl(v1));
    await admin.query('INSERT INTO orders SELECT g, g % 3 FROM generate_series(1, 3000) AS g');
    const { rows } = await asOwner.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    const { plan, diagnostics } = planMigration(v1, v2, { serverVersion: Number(rows[0]?.v), batchSize: 500 });
    if (plan === null) throw new Error(JSON.stringify(diagnostics));
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toContain('warning WES460');
    await applyPlan(asOwner, { ...plan, steps: plan.steps.filter((step) => step.phase !== 'validate' && step.phase !== 'contract') });
    const counted = await admin.query<{ filled: number; total: number }>(
      'SELECT count(token)::int AS filled, count(*)::int AS total FROM orders',
    );
    return counted.rows[0] ?? { filled: -1, total: -1 };
  }

  it('fills no row when the owner runs it with no tenant set, every row once the owner has BYPASSRLS', async () => {
    await admin.query(`ALTER ROLE ${quoteIdent(owner)} NOBYPASSRLS`);
    expect(await fill()).toEqual({ filled: 0, total: 3000 });
    await admin.query(`ALTER ROLE ${quoteIdent(owner)} BYPASSRLS`);
    // Role attributes are read at the start of each statement: the owner's session sees the change.
    expect(await fill()).toEqual({ filled: 3000, total: 3000 });
  });
});
