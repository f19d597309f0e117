import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileSchema, emitDdl, quoteIdent, type SchemaSource } from '@wesley/core';
import { detectDrift, type Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { driftDiagnostics } from '../../src/drift/drift-diagnostics.js';

const source: SchemaSource = {
  name: 'schema.graphql',
  body: `type Orders @wes_table
  @wes_tenant(by: "storeId")
  @owner(column: "accountId", select: "true")
  @wes_grant(roles: ["public"], ops: ["select"]) {
  id: ID! @wes_pk
  storeId: ID!
  accountId: ID!
}
`,
};
const { ir: expected } = compileSchema(source);
const other = `dba_reader_${randomBytes(4).toString('hex')}`;

describeEachServer('wesley drift on row-level security', (server) => {
  const db = useTestDatabase(server);
  let session: Connection;

  beforeAll(async () => {
    session = await db.connect();
    await session.query(emitDdl(expected!));
  });
  afterAll(async () => {
    await session.query(`DROP OWNED BY ${quoteIdent(other)}`).catch(() => undefined);
    await session.query(`DROP ROLE IF EXISTS ${quoteIdent(other)}`);
    await session.close();
  });

  it('finds nothing right after the schema is applied, and leaves a role the schema does not name alone', async () => {
    await session.query(`CREATE ROLE ${quoteIdent(other)} NOLOGIN`);
    await session.query(`GRANT SELECT ON orders TO ${quoteIdent(other)}`);
    const report = await detectDrift(session, expected!);
    expect(report.notice).toBeNull();
    expect(report.findings).toEqual([]);
  });

  it('reports a missing or changed policy and a revoked grant at the directive that declares it', async () => {
    await session.query('DROP POLICY orders_tenant_isolation ON orders');
    await session.query('ALTER POLICY orders_owner_update ON orders USING (true)');
    await session.query('REVOKE SELECT ON orders FROM PUBLIC');
    const report = await detectDrift(session, expected!);
    // The live side has no SDL: every diagnostic is placed in the schema's source.
    const diagnostics = driftDiagnostics(report.findings, expected!, expected!, [source]);
    expect(diagnostics).toHaveLength(3);
    const place = (text: string) => diagnostics.find((d) => d.message.includes(text));
    expect(place('orders_tenant_isolation')).toMatchObject({ code: 'WES201', line: 2, column: 3 });
    expect(place('orders_owner_update')).toMatchObject({ code: 'WES203', line: 3, column: 3 });
    expect(place('public')).toMatchObject({ line: 4, column: 3 });
  });
});
