CREATE TYPE "Mood" AS ENUM (
    'ok',
    'it''s fine',
    'so-so'
);

CREATE TABLE "group" (
    id integer NOT NULL,
    "user" integer,
    CONSTRAINT group_pkey PRIMARY KEY (id)
);

CREATE TABLE "user" (
    "order" integer NOT NULL,
    "select" text,
    "Mixed Case" text DEFAULT 'it''s',
    "say ""hi""" "Mood" DEFAULT 'ok' NOT NULL,
    CONSTRAINT user_pkey PRIMARY KEY ("order"),
    CONSTRAINT "user_select_Mixed Case_key" UNIQUE ("select", "Mixed Case"),
    CONSTRAINT user_order_check CHECK ("order" >= 0)
);

ALTER TABLE "group"
    ADD CONSTRAINT group_user_fkey FOREIGN KEY ("user") REFERENCES "user" ("order") ON UPDATE SET NULL;

CREATE INDEX "Index ""quoted""" ON "user" ("say ""hi""");
