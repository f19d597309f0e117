-- Wesley migration, down: 8 steps, planned for PostgreSQL 18.
-- From schema sha256:d5143048260853503a46d7909464280e640f27f4086a5e4b0dddb5907f04507a
-- to schema   sha256:cd88cc90f0da23e20e8b01fc59cd797132d401d4b5217080319028f4e427c418 (hashes of the IR).
-- Undoes up.sql, last step first.
--
-- Apply with: psql -v ON_ERROR_STOP=1 -f down.sql <database url>
-- * A step in a transaction runs in BEGIN ... COMMIT with SET LOCAL lock_timeout = '1s': a lock
--   not granted by then fails the step rather than waiting, because a waiting lock request makes
--   every later query on the table wait behind it. Run a step that failed that way again.
-- * A step outside a transaction (CONCURRENTLY) cannot run inside one: no psql --single-transaction.
--   When one fails it leaves an INVALID index: its header says how to drop it before a rerun.
-- * A backfill is a DO block that updates the rows in batches by primary key and commits after
--   each batch, so row locks are held on one batch at a time.
-- * psql stops at the first failing statement; the steps before it stay applied. Carry on from
--   the failing step's header once the cause is fixed.

-- step 1 of 8: rollback:add-foreign-key:orders.orders_customer_id_fkey
-- phase: expand; transaction: yes; locks: customer (AccessExclusiveLock); orders (AccessExclusiveLock)
-- undo: add foreign key orders_customer_id_fkey from orders to customer (new table: nothing to check)
BEGIN;
SET LOCAL lock_timeout = '1s';
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_customer_id_fkey;
COMMIT;

-- step 2 of 8: rollback:add-foreign-key:order_line.order_line_product_id_fkey
-- phase: expand; transaction: yes; locks: order_line (AccessExclusiveLock); product (AccessExclusiveLock)
-- undo: add foreign key order_line_product_id_fkey from order_line to product (new table: nothing to check)
BEGIN;
SET LOCAL lock_timeout = '1s';
ALTER TABLE order_line DROP CONSTRAINT IF EXISTS order_line_product_id_fkey;
COMMIT;

-- step 3 of 8: rollback:add-foreign-key:order_line.order_line_order_id_fkey
-- phase: expand; transaction: yes; locks: order_line (AccessExclusiveLock); orders (AccessExclusiveLock)
-- undo: add foreign key order_line_order_id_fkey from order_line to orders (new table: nothing to check)
BEGIN;
SET LOCAL lock_timeout = '1s';
ALTER TABLE order_line DROP CONSTRAINT IF EXISTS order_line_order_id_fkey;
COMMIT;

-- step 4 of 8: rollback:create-table:product
-- phase: expand; transaction: yes; locks: product (AccessExclusiveLock)
-- undo: create table product
BEGIN;
SET LOCAL lock_timeout = '1s';
DROP TABLE IF EXISTS product;
COMMIT;

-- step 5 of 8: rollback:create-table:orders
-- phase: expand; transaction: yes; locks: orders (AccessExclusiveLock)
-- undo: create table orders
BEGIN;
SET LOCAL lock_timeout = '1s';
DROP TABLE IF EXISTS orders;
COMMIT;

-- step 6 of 8: rollback:create-table:order_line
-- phase: expand; transaction: yes; locks: order_line (AccessExclusiveLock)
-- undo: create table order_line
BEGIN;
SET LOCAL lock_timeout = '1s';
DROP TABLE IF EXISTS order_line;
COMMIT;

-- step 7 of 8: rollback:create-table:customer
-- phase: expand; transaction: yes; locks: customer (AccessExclusiveLock)
-- undo: create table customer
BEGIN;
SET LOCAL lock_timeout = '1s';
DROP TABLE IF EXISTS customer;
COMMIT;

-- step 8 of 8: rollback:create-enum:order_status
-- phase: expand; transaction: yes; locks: none
-- undo: create enum type order_status
BEGIN;
SET LOCAL lock_timeout = '1s';
DROP TYPE IF EXISTS order_status;
COMMIT;
