CREATE TYPE order_status AS ENUM (
    'PENDING',
    'PAID',
    'SHIPPED',
    'CANCELLED'
);

CREATE TABLE customer (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email character varying(320) NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT customer_pkey PRIMARY KEY (id),
    CONSTRAINT customer_email_key UNIQUE (email)
);

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

CREATE TABLE orders (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    customer_id uuid NOT NULL,
    status order_status DEFAULT 'PENDING' NOT NULL,
    placed_at timestamp with time zone DEFAULT now() NOT NULL,
    note text,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

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

ALTER TABLE order_line
    ADD CONSTRAINT order_line_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE;

ALTER TABLE order_line
    ADD CONSTRAINT order_line_product_id_fkey FOREIGN KEY (product_id) REFERENCES product (id);

ALTER TABLE orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE RESTRICT;

CREATE INDEX orders_customer_id_placed_at_idx ON orders (customer_id, placed_at);
