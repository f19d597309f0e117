CREATE TYPE order_status AS ENUM (
    'pending',
    'paid',
    'shipped',
    'cancelled'
);

CREATE TABLE orders (
    id bigint NOT NULL,
    user_id uuid NOT NULL,
    status order_status DEFAULT 'pending' NOT NULL,
    total numeric(12,2) DEFAULT 0.00 NOT NULL,
    quantity integer DEFAULT 1 NOT NULL,
    discount double precision DEFAULT -0.5,
    ship_on date DEFAULT '2024-01-31',
    ship_at time without time zone DEFAULT '09:30:00',
    tracking uuid DEFAULT '00000000-0000-0000-0000-000000000000',
    line_total numeric GENERATED ALWAYS AS (total * quantity) STORED,
    previous_statuses order_status[],
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_user_id_id_key UNIQUE (user_id, id),
    CONSTRAINT orders_check CHECK (total >= 0),
    CONSTRAINT orders_quantity_check CHECK (quantity > 0)
);

CREATE TABLE users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email character varying(255) NOT NULL,
    display_name text DEFAULT 'O''Brien',
    is_admin boolean DEFAULT false NOT NULL,
    tags text[] DEFAULT '{new,"vip customer"}' NOT NULL,
    settings jsonb DEFAULT '{"theme": "dark"}' NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email)
);

ALTER TABLE orders
    ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;

CREATE INDEX orders_status_idx ON orders (status) WHERE status <> 'cancelled';

CREATE UNIQUE INDEX orders_user_id_ship_on_idx ON orders (user_id, ship_on) WHERE ship_on IS NOT NULL;

CREATE INDEX users_created_at_idx ON users (created_at);

CREATE INDEX users_tags_idx ON users USING gin (tags);
