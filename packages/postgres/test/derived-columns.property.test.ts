import { compileSchema, emitDdl, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Connection } from '../src/connect/connect.js';

/**
 * Derived columns under concurrent writes (issue 19, item 2): eight clients insert, move between
 * parents, change (to and from NULL) and delete child rows at random, alone and several to a
 * transaction, for a few seconds at READ COMMITTED; afterwards every parent's count, sum, min, max
 * and exists equal the aggregates a query computes. Then TRUNCATE of the child resets them.
 */

function compile(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'derived.graphql', body });
  if (ir === null) throw new Error(`schema does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

const schema = compile(`type Order @wes_table {
  id: Int! @wes_pk
  lineCount: Int! @wes_derived(fn: count, from: "OrderLine.orderId")
  totalCents: BigInt! @wes_derived(fn: sum, from: "OrderLine.orderId", of: "amountCents")
  cheapest: Int @wes_derived(fn: min, from: "OrderLine.orderId", of: "amountCents")
  dearest: Int @wes_derived(fn: max, from: "OrderLine.orderId", of: "amountCents")
  hasLines: Boolean! @wes_derived(fn: exists, from: "OrderLine.orderId")
}
type OrderLine @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id") @wes_index
  amountCents: Int
}
`);

const parents = 6;
const lines = 40;
const clients = 8;
const runMs = 2500;

type Write =
  | { readonly kind: 'insert'; readonly id: number; readonly order: number | null; readonly amount: number | null }
  | { readonly kind: 'move'; readonly id: number; readonly order: number | null }
  | { readonly kind: 'amount'; readonly id: number; readonly amount: number | null }
  | { readonly kind: 'moveRange'; readonly from: number; readonly to: number; readonly order: number }
  | { readonly kind: 'delete'; readonly id: number };

const line = fc.integer({ min: 1, max: lines });
const order = fc.option(fc.integer({ min: 1, max: parents }), { freq: 6 });
const amount = fc.option(fc.integer({ min: -500, max: 1000 }), { freq: 5 });
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), id: line, order, amount }),
  fc.record({ kind: fc.constant('move' as const), id: line, order }),
  fc.record({ kind: fc.constant('amount' as const), id: line, amount }),
  fc.record({ kind: fc.constant('moveRange' as const), from: line, to: line, order: fc.integer({ min: 1, max: parents }) }),
  fc.record({ kind: fc.constant('delete' as const), id: line }),
);
/** A transaction: one to three writes. */
const transaction = fc.array(write, { minLength: 1, maxLength: 3 });
const client = fc.array(transaction, { minLength: 5, maxLength: 30 });

function sql(w: Write): string {
  const value = (v: number | null) => (v === null ? 'NULL' : String(v));
  switch (w.kind) {
    case 'insert':
      return `INSERT INTO order_line (id, order_id, amount_cents) VALUES (${w.id}, ${value(w.order)}, ${value(w.amount)}) ON CONFLICT (id) DO NOTHING`;
    case 'move':
      return `UPDATE order_line SET order_id = ${value(w.order)} WHERE id = ${w.id}`;
    case 'amount':
      return `UPDATE order_line SET amount_cents = ${value(w.amount)} WHERE id = ${w.id}`;
    case 'moveRange':
      return `UPDATE order_line SET order_id = ${w.order} WHERE id BETWEEN ${Math.min(w.from, w.to)} AND ${Math.max(w.from, w.to)}`;
    case 'delete':
      return `DELETE FROM order_line WHERE id = ${w.id}`;
  }
}

/** Runs the client's transactions in a loop until `deadline`; a deadlock rolls one back (all or nothing), as an application would see. */
async function runClient(
  session: Connection,
  transactions: readonly (readonly Write[])[],
  deadline: number,
): Promise<{ committed: number; deadlocks: number }> {
  let committed = 0;
  let deadlocks = 0;
  for (let i = 0; Date.now() < deadline; i = (i + 1) % transactions.length) {
    const writes = transactions[i] ?? [];
    try {
      await session.query('BEGIN');
      for (const w of writes) await session.query(sql(w));
      await session.query('COMMIT');
      committed += 1;
    } catch (error) {
      await session.query('ROLLBACK');
      // A moved row locks two parents; two transactions moving rows each way may still wait on each other across statements.
      if ((error as { code?: string }).code !== '40P01') throw error;
      deadlocks += 1;
    }
  }
  return { committed, deadlocks };
}

/** Until another session of this database waits for a lock (the second writer's trigger, on the parent row). */
async function waitUntilBlocked(session: Connection): Promise<void> {
  for (;;) {
    const { rows } = await session.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (rows[0]?.n !== '0') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const mismatches = `
  SELECT o.id, o.line_count, o.total_cents, o.cheapest, o.dearest, o.has_lines, a.*
  FROM "order" AS o
  CROSS JOIN LATERAL (
    SELECT count(l.id) AS want_count, coalesce(sum(l.amount_cents), 0) AS want_sum, min(l.amount_cents) AS want_min,
           max(l.amount_cents) AS want_max, count(l.id) > 0 AS want_exists
    FROM order_line AS l WHERE l.order_id = o.id
  ) AS a
  WHERE (o.line_count, o.total_cents, o.cheapest, o.dearest, o.has_lines)
        IS DISTINCT FROM (a.want_count::integer, a.want_sum::bigint, a.want_min, a.want_max, a.want_exists)`;

describeEachServer('derived columns kept by triggers under 8 concurrent writers', (server) => {
  const db = useTestDatabase(server);
  const sessions: Connection[] = [];

  beforeAll(async () => {
    const admin = await db.connect();
    await admin.query(emitDdl(schema));
    await admin.query(`INSERT INTO "order" (id) SELECT generate_series(1, ${parents})`);
    for (let i = 0; i < clients; i += 1) {
      const session = await db.connect();
      // Deadlocks between writers are the application's (a statement moving several rows locks their parents row by row):
      // found in 50 ms instead of 1 s, so that a run of a few seconds is mostly writes.
      await session.query("SET deadlock_timeout = '50ms'");
      sessions.push(session);
    }
  });

  it('two transactions adding a child to one parent lose no update: the second computes once the first has committed', async () => {
    const [first, second] = sessions as [Connection, Connection];
    await first.query('BEGIN');
    await first.query('INSERT INTO order_line (id, order_id, amount_cents) VALUES (1001, 1, 5)');
    // The second's trigger waits for the parent row the first holds; its count must include the first's row.
    await second.query('BEGIN');
    const pending = second.query('INSERT INTO order_line (id, order_id, amount_cents) VALUES (1002, 1, 7)');
    await waitUntilBlocked(first);
    await first.query('COMMIT');
    await pending;
    await second.query('COMMIT');
    const { rows } = await first.query('SELECT line_count, total_cents, cheapest, dearest, has_lines FROM "order" WHERE id = 1');
    expect(rows).toEqual([{ line_count: 2, total_cents: '12', cheapest: 5, dearest: 7, has_lines: true }]);
    await first.query('TRUNCATE order_line');
  });

  it('every count, sum, min, max and exists equals the aggregate recomputed by a query', async () => {
    const check = await db.connect();
    let committed = 0;
    let deadlocks = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(client, { minLength: clients, maxLength: clients }), async (programs) => {
        const deadline = Date.now() + runMs;
        const results = await Promise.all(programs.map((program, i) => runClient(sessions[i] as Connection, program, deadline)));
        committed += results.reduce((n, r) => n + r.committed, 0);
        deadlocks += results.reduce((n, r) => n + r.deadlocks, 0);
        expect((await check.query(mismatches)).rows).toEqual([]);
        // TRUNCATE is handled: every parent back to the value of no rows, and the next round starts empty.
        await check.query('TRUNCATE order_line');
        const reset = await check.query('SELECT DISTINCT line_count, total_cents, cheapest, dearest, has_lines FROM "order"');
        expect(reset.rows).toEqual([{ line_count: 0, total_cents: '0', cheapest: null, dearest: null, has_lines: false }]);
      }),
      { numRuns: 2 },
    );
    // The writers did write: hundreds of transactions per round, not a run that only hit conflicts.
    console.log(`${server.label}: ${committed} transactions committed, ${deadlocks} rolled back by a deadlock`);
    expect(committed).toBeGreaterThan(200);
  }, 120_000);
});
