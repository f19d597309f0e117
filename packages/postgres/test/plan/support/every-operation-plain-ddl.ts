/**
 * The changes from `everyOperationV1` to `everyOperationV2` as a hand-written migration would
 * make them: one plain statement per change, in autocommit, no lock_timeout. Constraints are
 * added validated, indexes built without CONCURRENTLY, the column type changed in place, NOT
 * NULL set directly: each takes its lock and holds it through any scan or rewrite, and a
 * statement queued behind a reader holds up every write after it. The zero-blocking test checks
 * that this ends at the same schema as the plan.
 */
export const everyOperationPlainDdl: readonly string[] = [
  `ALTER TYPE order_status ADD VALUE 'REFUNDED' BEFORE 'SHIPPED'`,
  `CREATE TYPE priority AS ENUM ('LOW', 'HIGH')`,
  'ALTER TABLE audit_entries RENAME TO audit_log',
  'ALTER TABLE audit_log RENAME CONSTRAINT audit_entries_pkey TO audit_log_pkey',
  'ALTER TABLE customers RENAME COLUMN nickname TO handle',
  'ALTER INDEX customers_name_idx RENAME TO customers_by_name_idx',
  'ALTER TABLE line_items RENAME CONSTRAINT line_items_qty_positive TO line_items_qty_check',
  'ALTER TABLE customers ALTER COLUMN email TYPE varchar(120)',
  `ALTER TABLE customers ALTER COLUMN tier SET DEFAULT 'standard'`,
  'ALTER TABLE customers ALTER COLUMN note DROP DEFAULT',
  'ALTER TABLE customers ADD CONSTRAINT customers_handle_key UNIQUE (handle)',
  'ALTER TABLE customers DROP COLUMN mood',
  'DROP TABLE legacy_notes',
  'DROP TYPE legacy_mood',
  'CREATE TABLE refunds (id bigint NOT NULL, order_id bigint NOT NULL, amount numeric(12,2) NOT NULL, CONSTRAINT refunds_pkey PRIMARY KEY (id))',
  'ALTER TABLE refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)',
  `ALTER TABLE orders ADD COLUMN priority priority NOT NULL DEFAULT 'LOW'`,
  'ALTER TABLE orders ADD COLUMN memo text',
  'ALTER TABLE orders ADD COLUMN placed_at timestamptz NOT NULL DEFAULT clock_timestamp()',
  'ALTER TABLE orders ALTER COLUMN qty TYPE bigint',
  'ALTER TABLE orders ALTER COLUMN comment SET NOT NULL',
  'ALTER TABLE orders ALTER COLUMN ref_code DROP NOT NULL',
  'ALTER TABLE orders DROP CONSTRAINT orders_customer_fk, ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE',
  'ALTER TABLE orders DROP CONSTRAINT orders_amount_check, ADD CONSTRAINT orders_amount_check CHECK (amount >= 0 AND amount < 1000000)',
  'DROP INDEX orders_status_idx',
  'CREATE INDEX orders_status_idx ON orders (status, id)',
  'CREATE INDEX orders_customer_idx ON orders (customer_id)',
  'DROP INDEX orders_comment_idx',
  'ALTER TABLE line_items ADD CONSTRAINT line_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)',
  `ALTER TABLE line_items ADD CONSTRAINT line_items_sku_nonempty CHECK (sku <> '')`,
  'ALTER TABLE line_items DROP CONSTRAINT line_items_sku_key, ADD CONSTRAINT line_items_sku_key UNIQUE (order_id, sku)',
  'ALTER TABLE payments DROP CONSTRAINT payments_order_fk',
  'ALTER TABLE payments DROP CONSTRAINT payments_code_key',
  'ALTER TABLE payments DROP CONSTRAINT payments_amount_check',
  'ALTER TABLE payments ADD CONSTRAINT payments_pkey PRIMARY KEY (id)',
  'ALTER TABLE shipments DROP CONSTRAINT shipments_pkey',
  'ALTER TABLE events DROP CONSTRAINT events_pkey, ADD CONSTRAINT events_pkey PRIMARY KEY (source, id)',
];
