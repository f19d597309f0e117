import { emitDdl, planMigration, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { introspect } from '../src/introspect/introspect.js';
import { migrate } from '../src/migrate/migrate.js';
import { sdlIR } from '../../core/test/support/sdl-ir.js';
import { comparableIR } from './fixtures/comparable-ir.js';
import { migrationsDirectory, planFile } from './migrate/support/migrations-directory.js';

/**
 * `@wes_derived` read back from the database (issue 19, item 2): compile -> schema.sql -> introspect
 * gives the compiled IR, derived columns included, and a plan from the database to the schema is
 * empty. Whatever was edited in the database (a trigger dropped or disabled, a body replaced, a
 * function made SECURITY DEFINER, the search_path unpinned) reads as not derived, never as a
 * derived column the schema did not compile; the plan from it to the schema creates that column's
 * functions and triggers again over what is left and computes its values, and, run, gives back a
 * database that reads as the schema with every value equal to its aggregate.
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

/** Orders, some without lines; lines spread over them, some without an amount, some gifts. */
const seed = `INSERT INTO "order" (id) SELECT g FROM generate_series(1, 40) AS g;
INSERT INTO order_line (id, order_id, gift_order_id, amount_cents)
  SELECT g, g % 30 + 1, CASE WHEN g % 4 = 0 THEN g % 25 + 1 END, CASE WHEN g % 7 = 0 THEN NULL ELSE g * 3 % 101 END
  FROM generate_series(1, 200) AS g;`;

/** Each derived column beside the aggregate a query computes, for the orders where they differ. */
const mismatches = `
  SELECT o.id FROM "order" AS o
  CROSS JOIN LATERAL (
    SELECT count(l.id) AS n, coalesce(sum(l.amount_cents), 0) AS total, min(l.amount_cents) AS low, max(l.amount_cents) AS high
    FROM order_line AS l WHERE l.order_id = o.id) AS a
  CROSS JOIN LATERAL (SELECT count(g.id) AS n FROM order_line AS g WHERE g.gift_order_id = o.id) AS gifts
  WHERE (o.line_count, o.total_cents, o.cheapest, o.dearest, o.has_lines, o.gift_lines)
    IS DISTINCT FROM (a.n::integer, a.total::bigint, a.low, a.high, a.n > 0, gifts.n::integer)`;

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
    [
      // CREATE OR REPLACE cannot change a result type: the plan drops the value function first.
      'a value function made again by hand with another result type',
      'gift_lines',
      `DROP FUNCTION wesley_derived_order_gift_lines_value(integer);
       CREATE FUNCTION wesley_derived_order_gift_lines_value(integer) RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM order_line WHERE gift_order_id = $1 $$`,
    ],
  ];

  /** A wrong value of each column, for every order: what only the plan's backfill puts right. */
  const wrong: Readonly<Record<string, string>> = {
    line_count: 'line_count + 1',
    total_cents: 'total_cents + 1',
    cheapest: 'coalesce(cheapest, 0) - 1',
    dearest: 'coalesce(dearest, 0) + 1',
    has_lines: 'NOT has_lines',
    gift_lines: 'gift_lines + 1',
  };

  it.each(edits)(
    'reads %s as not derived, and only that column; the plan from it repairs that column',
    { timeout: 120_000 },
    async (_what, column, sql) => {
      const session = await db.connect();
      // A fresh schema for each edit (the functions go with it), and a fresh ledger for its migration.
      await session.query('DROP SCHEMA IF EXISTS wesley CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      await session.query(emitDdl(schema));
      await session.query(seed);
      await session.query(sql);
      await session.query(`UPDATE "order" SET ${column} = ${wrong[column] ?? ''}`);
      expect((await session.query(mismatches)).rows).toHaveLength(40);
      const live = await introspect(session);
      expect(derivedOf(live)).toEqual({ ...derivedOf(schema), [column]: null });

      // The plan from the database creates that column's functions and triggers over what is left, then computes its values.
      const { plan, diagnostics } = planMigration(live, schema);
      expect(diagnostics).toEqual([]);
      expect(plan?.steps.map((step) => [step.id, step.phase])).toEqual([
        [`alter-derived:order.${column}:create`, 'expand'],
        [`alter-derived:order.${column}:backfill`, 'backfill'],
      ]);
      const { json } = await planFile(session, live, schema);
      await migrate({ url: db.url, directory: await migrationsDirectory({ '0001_repair/plan.json': json }) });

      expect(comparableIR(await introspect(session))).toEqual(comparableIR(schema));
      expect((await session.query(mismatches)).rows).toEqual([]);
      // Kept from now on: a line moved to another order, and one deleted, are counted where they are.
      await session.query('UPDATE order_line SET order_id = 40, gift_order_id = 40 WHERE id = 1; DELETE FROM order_line WHERE id = 2');
      expect((await session.query(mismatches)).rows).toEqual([]);
    },
  );
});
