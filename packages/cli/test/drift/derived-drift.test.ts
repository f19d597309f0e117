import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileSchema, emitDdl, type SchemaSource } from '@wesley/core';
import { detectDrift, type Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { driftDiagnostics } from '../../src/drift/drift-diagnostics.js';

const source: SchemaSource = {
  name: 'schema.graphql',
  body: `type Order @wes_table {
  id: Int! @wes_pk
  lineCount: Int! @wes_derived(fn: count, from: "OrderLine.orderId")
  totalCents: BigInt! @wes_derived(fn: sum, from: "OrderLine.orderId", of: "amountCents")
}
type OrderLine @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id") @wes_index
  amountCents: Int
}
`,
};
const { ir: expected } = compileSchema(source);

/**
 * `wesley drift` on derived columns (issue 19): a trigger or function that keeps one, dropped,
 * disabled or edited by hand, makes the column read back as not derived (introspect/read-derived.ts),
 * which drift reports once, at the column's field in the SDL.
 */
describeEachServer('wesley drift on derived columns', (server) => {
  const db = useTestDatabase(server);
  let session: Connection;

  beforeAll(async () => {
    session = await db.connect();
  });
  afterAll(async () => {
    await session.close();
  });

  /** The drift diagnostics of a fresh database holding the schema, after `edit`. */
  async function driftAfter(edit: string) {
    await session.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await session.query(emitDdl(expected!));
    if (edit !== '') await session.query(edit);
    const report = await detectDrift(session, expected!);
    expect(report.notice).toBeNull();
    // The live side has no SDL: every diagnostic is placed in the schema's source.
    return driftDiagnostics(report.findings, expected!, expected!, [source]);
  }

  it('finds nothing right after the schema is applied', async () => {
    expect(await driftAfter('')).toEqual([]);
  });

  const lineCount = { file: 'schema.graphql', line: 3, column: 3 };
  const totalCents = { file: 'schema.graphql', line: 4, column: 3 };
  const edits = [
    ['a dropped trigger', 'DROP TRIGGER wesley_derived_order_line_count ON order_line', 'order.line_count', lineCount],
    [
      'an edited value function body',
      `CREATE OR REPLACE FUNCTION wesley_derived_order_total_cents_value(integer) RETURNS bigint
         LANGUAGE sql VOLATILE SECURITY INVOKER SET search_path FROM CURRENT
         AS $wesley$ SELECT CAST(coalesce(sum(c.amount_cents), 0) * 2 AS bigint) FROM order_line AS c WHERE c.order_id = $1 $wesley$`,
      'order.total_cents',
      totalCents,
    ],
    ['a disabled trigger', 'ALTER TABLE order_line DISABLE TRIGGER wesley_derived_order_line_count', 'order.line_count', lineCount],
  ] as const;

  it.each(edits)('reports %s once, at the derived column’s field', async (_what, edit, column, position) => {
    expect(await driftAfter(edit)).toEqual([
      {
        code: 'WES203',
        severity: 'error',
        message: `column ${column} is derived in the schema, but the database does not keep it: its functions or triggers are missing, disabled or edited`,
        help: expect.stringContaining('wesley plan --from') as string,
        ...position,
      },
    ]);
  });

  it('reports a derived column dropped from the database once, as a missing column (its triggers are not a second finding)', async () => {
    const found = await driftAfter('ALTER TABLE "order" DROP COLUMN line_count');
    expect(found.map((d) => [d.code, d.message, d.line])).toEqual([['WES201', 'column order.line_count is missing from the database', 3]]);
  });

  it('reports triggers the database keeps for a column the schema does not derive', async () => {
    await session.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await session.query(emitDdl(expected!));
    const plain = compileSchema({
      ...source,
      body: source.body.replace('@wes_derived(fn: count, from: "OrderLine.orderId")', '@wes_default(value: 0)'),
    }).ir!;
    const report = await detectDrift(session, plain);
    expect(report.findings.map((f) => [f.code, f.message])).toEqual([
      ['WES203', 'column order.line_count is kept by triggers in the database, but the schema does not derive it'],
    ]);
  });
});
