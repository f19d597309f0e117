CREATE TYPE order_status AS ENUM (
    'PENDING',
    'PAID',
    'SHIPPED'
);

CREATE TABLE "order" (
    id bigint NOT NULL,
    user_id uuid NOT NULL,
    status order_status DEFAULT 'PENDING' NOT NULL,
    total numeric(12,2) DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT order_pkey PRIMARY KEY (id)
);

CREATE TABLE "user" (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email character varying(255) NOT NULL,
    display_name text DEFAULT 'O''Brien',
    "order" integer DEFAULT 0 NOT NULL,
    tags text[],
    best_friend_id uuid,
    CONSTRAINT user_pkey PRIMARY KEY (id),
    CONSTRAINT user_email_key UNIQUE (email),
    CONSTRAINT user_order_check CHECK ("order" >= 0)
);

ALTER TABLE "order"
    ADD CONSTRAINT order_user_id_fkey FOREIGN KEY (user_id) REFERENCES "user" (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE "user"
    ADD CONSTRAINT user_best_friend_id_fkey FOREIGN KEY (best_friend_id) REFERENCES "user" (id) ON DELETE SET NULL;

CREATE INDEX order_user_id_created_at_idx ON "order" (user_id, created_at) WHERE status <> 'SHIPPED';

CREATE INDEX user_tags_idx ON "user" USING gin (tags);
