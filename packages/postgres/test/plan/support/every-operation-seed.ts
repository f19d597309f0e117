/**
 * Rows per table of the zero-blocking fixture. Enough that index builds, validations and the
 * batched backfills (1,000 rows a batch) do real work on several pages; few enough that a run
 * of the whole plan under load takes seconds.
 */
export const seededRows = {
  customers: 2000,
  orders: 5000,
  line_items: 5000,
  payments: 3000,
  shipments: 2000,
  events: 3000,
  audit_entries: 2000,
  legacy_notes: 1000,
} as const;

const series = (table: keyof typeof seededRows) => `generate_series(1, ${seededRows[table]}) AS i`;

/**
 * Rows for `everyOperationV1`, each valid under both versions: no NULL comment (it becomes
 * NOT NULL), amounts inside the tightened check, non-empty unique skus, every foreign key
 * (old and new) satisfied. Ids run from 1; the write load uses ids far above.
 */
export const everyOperationSeedSql = `
INSERT INTO customers (id, email, name, nickname, mood)
  SELECT i, 'c' || i || '@example.com', 'customer ' || i, 'nick' || i, CASE WHEN i % 2 = 0 THEN 'HAPPY'::legacy_mood END
  FROM ${series('customers')};
INSERT INTO orders (id, customer_id, status, qty, amount, comment, ref_code)
  SELECT i, i % ${seededRows.customers} + 1, 'PENDING', i % 7 + 1, i % 500, 'seeded order ' || i, 'R' || i
  FROM ${series('orders')};
INSERT INTO line_items (id, order_id, sku, qty)
  SELECT i, i % ${seededRows.orders} + 1, 'seed-' || i, i % 3 + 1 FROM ${series('line_items')};
INSERT INTO payments (id, order_id, amount, code)
  SELECT i, i % ${seededRows.orders} + 1, i % 100, 'P' || i FROM ${series('payments')};
INSERT INTO shipments (id, order_id, carrier)
  SELECT i, i % ${seededRows.orders} + 1, 'carrier ' || i % 5 FROM ${series('shipments')};
INSERT INTO events (id, source, payload)
  SELECT i, 'seed', jsonb_build_object('n', i) FROM ${series('events')};
INSERT INTO audit_entries (id, message)
  SELECT i, 'seeded entry ' || i FROM ${series('audit_entries')};
INSERT INTO legacy_notes (id, customer_id, body)
  SELECT i, i % ${seededRows.customers} + 1, 'note ' || i FROM ${series('legacy_notes')};
ANALYZE;
`;
