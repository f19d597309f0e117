import { emitDdl, planMigration, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { introspect } from '../src/introspect/introspect.js';
import { sdlIR } from '../../core/test/support/sdl-ir.js';
import { comparableIR } from './fixtures/comparable-ir.js';

/**
 * `@wes_derived` read back from the database (issue 19, item 2): compile -> schema.sql -> introspect
 * gives the compiled IR, derived columns included, and a plan from the database to the schema is
 * empty rather than refused (WES427). Whatever was edited in the database (a trigger dropped or
 * disabled, a body replaced, a function made SECURITY DEFINER, the search_path unpinned) reads as
 * not derived, never as a derived column the schema did not compile.
 */

const schema = sdlIR(`type Order @wes_table {
  id: Int! @wes_pk
  lineCount: Int! @wes_derived(fn: count, from: "OrderLine.orderId")
  totalCents: BigInt! @wes_derived(fn: sum, from: "OrderLine.orderId", of: "amountCents")
  cheapest: Int @wes_derived(fn: min, from: "OrderLine.orderId", of: "amountCents")
  dearest: Int @wes_derived(fn: max, from: "OrderLine.orderId", of: "amountCents")
  hasLines: Boolean! @wes_derived(fn: exists, from: "OrderLine.orderId")
  giftLines: Int! @wes_derived(fn: count, from: "OrderLine.giftOrderId")
}
type OrderLine @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id") @wes_index
  giftOrderId: Int @wes_fk(ref: "Order.id") @wes_index
  amountCents: Int
}
`);

/** The derived facts of `ir`'s `order` table, column by column. */
function derivedOf(ir: SchemaIR): Record<string, unknown> {
  const order = ir.tables.find((t) => t.name === 'order');
  return Object.fromEntries((order?.columns ?? []).map((c) => [c.name, c.derived]));
}

describeEachServer('derived columns read back by introspection', (server) => {
  const db = useTestDatabase(server);

  it('gives back the compiled IR, and a plan from the database is empty', { timeout: 120_000 }, async () => {
    const session = await db.connect();
    await session.query(emitDdl(schema));
    const live = await introspect(session);
    expect(comparableIR(live)).toEqual(comparableIR(schema));
    const { plan, diagnostics } = planMigration(live, schema);
    expect(diagnostics).toEqual([]);
    expect(plan?.steps).toEqual([]);
  });

  const edits: readonly (readonly [string, string, string])[] = [
    ['a dropped row trigger', 'line_count', 'DROP TRIGGER wesley_derived_order_line_count ON order_line'],
    ['a dropped TRUNCATE trigger', 'line_count', 'DROP TRIGGER wesley_derived_order_line_count_truncate ON order_line'],
    ['a disabled trigger', 'total_cents', 'ALTER TABLE order_line DISABLE TRIGGER wesley_derived_order_total_cents'],
    [
      'a replaced value function body',
      'cheapest',
      `CREATE OR REPLACE FUNCTION wesley_derived_order_cheapest_value(integer) RETURNS integer
         LANGUAGE sql VOLATILE SECURITY INVOKER SET search_path FROM CURRENT
         AS $wesley$ SELECT CAST(min(c.amount_cents) + 1 AS integer) FROM order_line AS c WHERE c.order_id = $1 $wesley$`,
    ],
    ['a function made SECURITY DEFINER', 'dearest', 'ALTER FUNCTION wesley_derived_order_dearest() SECURITY DEFINER'],
    ['a search_path no longer pinned', 'has_lines', 'ALTER FUNCTION wesley_derived_order_has_lines_value(integer) RESET search_path'],
    ['a dropped value function', 'gift_lines', 'DROP FUNCTION wesley_derived_order_gift_lines_value(integer) CASCADE'],
  ];

  it.each(edits)('reads %s as not derived, and only that column', { timeout: 120_000 }, async (_what, column, sql) => {
    const session = await db.connect();
    // A fresh schema for each edit: the functions go with it.
    await session.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await session.query(emitDdl(schema));
    await session.query(sql);
    const live = await introspect(session);
    expect(derivedOf(live)).toEqual({ ...derivedOf(schema), [column]: null });
    // The plan from the database would have to create the column's triggers: refused, not planned without them.
    const { plan, diagnostics } = planMigration(live, schema);
    expect(plan).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['WES427', expect.stringContaining(`derived column order.${column},`) as string],
    ]);
  });
});
