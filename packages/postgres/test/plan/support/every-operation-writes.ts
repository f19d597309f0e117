import { seededRows } from './every-operation-seed.js';
import type { Write } from './write-load.js';

/** Ids of rows the load inserts: far above the seeded ones, distinct per writer. */
const idBase = (writer: number) => (writer + 1) * 10_000_000;

/** A seeded row of `table` to update, spread over the table. */
const seeded = (table: keyof typeof seededRows, n: number) => ((n * 7919) % seededRows[table]) + 1;

/**
 * The application's writes during the zero-blocking run: an insert and an update on every
 * table the plan changes that exists before and after. Each is valid on v1, on v2 and on
 * every shape in between: only columns that keep their name and a compatible type are
 * written (never the renamed `nickname`, the dropped `mood`, or columns that do not exist
 * yet), values satisfy the old and the new constraints, referenced rows are seeded ones that
 * are never deleted. The renamed table is written under either name.
 */
export const everyOperationWrites: readonly ((writer: number, n: number) => Write)[] = [
  (w, n) => ({
    table: 'customers',
    sql: ['INSERT INTO customers (id, email, name) VALUES ($1, $2, $3)'],
    values: [idBase(w) + n, `w${idBase(w) + n}@example.com`, `writer ${w}`],
  }),
  (_w, n) => ({
    table: 'customers',
    sql: ['UPDATE customers SET name = $2 WHERE id = $1'],
    values: [seeded('customers', n), `renamed ${n}`],
  }),
  (w, n) => ({
    table: 'orders',
    sql: [`INSERT INTO orders (id, customer_id, status, qty, amount, comment, ref_code) VALUES ($1, $2, 'PAID', 3, 10.50, $3, $4)`],
    values: [idBase(w) + n, seeded('customers', n), `written by ${w}`, `W${idBase(w) + n}`],
  }),
  (_w, n) => ({
    table: 'orders',
    sql: ['UPDATE orders SET qty = qty + 1, comment = $2 WHERE id = $1'],
    values: [seeded('orders', n), `updated ${n}`],
  }),
  (w, n) => ({
    table: 'line_items',
    sql: ['INSERT INTO line_items (id, order_id, sku, qty) VALUES ($1, $2, $3, 2)'],
    values: [idBase(w) + n, seeded('orders', n), `sku-${idBase(w) + n}`],
  }),
  (_w, n) => ({ table: 'line_items', sql: ['UPDATE line_items SET qty = qty + 1 WHERE id = $1'], values: [seeded('line_items', n)] }),
  (w, n) => ({
    table: 'payments',
    sql: ['INSERT INTO payments (id, order_id, amount, code) VALUES ($1, $2, 5, $3)'],
    values: [idBase(w) + n, seeded('orders', n), `code-${idBase(w) + n}`],
  }),
  (_w, n) => ({ table: 'payments', sql: ['UPDATE payments SET amount = amount + 1 WHERE id = $1'], values: [seeded('payments', n)] }),
  (w, n) => ({
    table: 'shipments',
    sql: [`INSERT INTO shipments (id, order_id, carrier) VALUES ($1, $2, 'writer')`],
    values: [idBase(w) + n, seeded('orders', n)],
  }),
  (_w, n) => ({
    table: 'shipments',
    sql: ['UPDATE shipments SET carrier = $2 WHERE id = $1'],
    values: [seeded('shipments', n), `carrier ${n}`],
  }),
  (w, n) => ({ table: 'events', sql: [`INSERT INTO events (id, source, payload) VALUES ($1, 'writer', '{}')`], values: [idBase(w) + n] }),
  (_w, n) => ({ table: 'events', sql: ['UPDATE events SET payload = $2 WHERE id = $1'], values: [seeded('events', n), { n }] }),
  (w, n) => ({
    table: 'audit_entries',
    sql: ['INSERT INTO audit_entries (id, message) VALUES ($1, $2)', 'INSERT INTO audit_log (id, message) VALUES ($1, $2)'],
    values: [idBase(w) + n, `written by ${w}`],
  }),
  (_w, n) => ({
    table: 'audit_entries',
    sql: ['UPDATE audit_entries SET message = $2 WHERE id = $1', 'UPDATE audit_log SET message = $2 WHERE id = $1'],
    values: [seeded('audit_entries', n), `updated ${n}`],
  }),
];

/** The tables the writes go to, by their v1 names (the long reader holds them all). */
export const writtenTables: readonly string[] = [...new Set(everyOperationWrites.map((write) => write(0, 0).table))];
