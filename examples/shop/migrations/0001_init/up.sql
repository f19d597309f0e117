-- Wesley migration, up: 8 steps, planned for PostgreSQL 18.
-- From schema sha256:cd88cc90f0da23e20e8b01fc59cd797132d401d4b5217080319028f4e427c418
-- to schema   sha256:d5143048260853503a46d7909464280e640f27f4086a5e4b0dddb5907f04507a (hashes of the IR).
--
-- Apply with: psql -v ON_ERROR_STOP=1 -f up.sql <database url>
-- * A step in a transaction runs in BEGIN ... COMMIT with SET LOCAL lock_timeout = '1s': a lock
--   not granted by then fails the step rather than waiting, because a waiting lock request makes
--   every later query on the table wait behind it. Run a step that failed that way again.
-- * A step outside a transaction (CONCURRENTLY) cannot run inside one: no psql --single-transaction.
--   When one fails it leaves an INVALID index: its header says how to drop it before a rerun.
-- * A backfill is a DO block that updates the rows in batches by primary key and commits after
--   each batch, so row locks are held on one batch at a time.
-- * psql stops at the first failing statement; the steps before it stay applied. Carry on from
--   the failing step's header once the cause is fixed.

-- step 1 of 8: create-enum:order_status
-- phase: expand; transaction: yes; locks: none
-- create enum type order_status
BEGIN;
SET LOCAL lock_timeout = '1s';
CREATE TYPE order_status AS ENUM (
    'PENDING',
    'PAID',
    'SHIPPED',
    'CANCELLED'
);
COMMIT;

-- step 2 of 8: create-table:customer
-- phase: expand; transaction: yes; locks: customer (ShareLock, AccessExclusiveLock)
-- create table customer
BEGIN;
SET LOCAL lock_timeout = '1s';
CREATE TABLE customer (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email character varying(320) NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT customer_pkey PRIMARY KEY (id),
    CONSTRAINT customer_email_key UNIQUE (email)
);
COMMIT;

-- step 3 of 8: create-table:order_line
-- phase: expand; transaction: yes; locks: order_line (ShareLock, AccessExclusiveLock)
-- create table order_line
BEGIN;
SET LOCAL lock_timeout = '1s';
CREATE TABLE order_line (
    order_id uuid NOT NULL,
    line_no integer NOT NULL,
    product_id uuid NOT NULL,
    quantity integer NOT NULL,
    unit_price numeric(12,2) NOT NULL,
    line_total numeric(14,2) GENERATED ALWAYS AS (quantity * unit_price) STORED NOT NULL,
    CONSTRAINT order_line_pkey PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_quantity_check CHECK (quantity > 0)
);
COMMIT;

-- step 4 of 8: create-table:orders
-- phase: expand; transaction: yes; locks: orders (ShareLock, AccessExclusiveLock)
-- create table orders
BEGIN;
SET LOCAL lock_timeout = '1s';
CREATE TABLE orders (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    customer_id uuid NOT NULL,
    status order_status DEFAULT 'PENDING' NOT NULL,
    placed_at timestamp with time zone DEFAULT now() NOT NULL,
    note text,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);
CREATE INDEX orders_customer_id_placed_at_idx ON orders (customer_id, placed_at);
COMMIT;

-- step 5 of 8: create-table:product
-- phase: expand; transaction: yes; locks: product (ShareLock, AccessExclusiveLock)
-- create table product
BEGIN;
SET LOCAL lock_timeout = '1s';
CREATE TABLE product (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    sku text NOT NULL,
    name text NOT NULL,
    price numeric(12,2) NOT NULL,
    tags text[] DEFAULT '{}' NOT NULL,
    attributes jsonb,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT product_pkey PRIMARY KEY (id),
    CONSTRAINT product_sku_key UNIQUE (sku),
    CONSTRAINT product_price_check CHECK (price >= 0)
);
COMMIT;

-- step 6 of 8: add-foreign-key:order_line.order_line_order_id_fkey
-- phase: expand; transaction: yes; locks: order_line (AccessShareLock, ShareRowExclusiveLock); orders (AccessShareLock, RowShareLock, ShareRowExclusiveLock)
-- add foreign key order_line_order_id_fkey from order_line to orders (new table: nothing to check)
BEGIN;
SET LOCAL lock_timeout = '1s';
ALTER TABLE order_line ADD CONSTRAINT order_line_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE;
COMMIT;

-- step 7 of 8: add-foreign-key:order_line.order_line_product_id_fkey
-- phase: expand; transaction: yes; locks: order_line (AccessShareLock, ShareRowExclusiveLock); product (AccessShareLock, RowShareLock, ShareRowExclusiveLock)
-- add foreign key order_line_product_id_fkey from order_line to product (new table: nothing to check)
BEGIN;
SET LOCAL lock_timeout = '1s';
ALTER TABLE order_line ADD CONSTRAINT order_line_product_id_fkey FOREIGN KEY (product_id) REFERENCES product (id);
COMMIT;

-- step 8 of 8: add-foreign-key:orders.orders_customer_id_fkey
-- phase: expand; transaction: yes; locks: customer (AccessShareLock, RowShareLock, ShareRowExclusiveLock); orders (AccessShareLock, ShareRowExclusiveLock)
-- add foreign key orders_customer_id_fkey from orders to customer (new table: nothing to check)
BEGIN;
SET LOCAL lock_timeout = '1s';
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE RESTRICT;
COMMIT;
