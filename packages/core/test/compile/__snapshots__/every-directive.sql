CREATE TYPE event_kind AS ENUM (
    'CLICK',
    'VIEW'
);

CREATE TYPE plan AS ENUM (
    'FREE',
    'PRO',
    'ENTERPRISE'
);

CREATE TABLE accounts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    handle character varying(40) NOT NULL,
    region text DEFAULT 'eu' NOT NULL,
    email_address character varying(320) NOT NULL,
    password_hash text,
    plan plan DEFAULT 'FREE' NOT NULL,
    seats integer DEFAULT 1 NOT NULL,
    balance numeric(12,2) DEFAULT 0,
    score double precision,
    visits bigint DEFAULT 0 NOT NULL,
    tags text[],
    settings jsonb DEFAULT '{}' NOT NULL,
    birthday date,
    wake_up_at time without time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    display_name text GENERATED ALWAYS AS (upper(handle)) STORED,
    old_name text,
    tier text,
    project_count integer DEFAULT 0 NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_email_address_key UNIQUE (email_address),
    CONSTRAINT accounts_region_handle_key UNIQUE (region, handle),
    CONSTRAINT accounts_handle_len CHECK (char_length(handle) >= 3),
    CONSTRAINT accounts_handle_rules_check CHECK (char_length(handle) >= 3 AND char_length(handle) <= 40 AND handle ~ '^[a-z0-9_]+$'),
    CONSTRAINT accounts_score_check CHECK (score >= 0),
    CONSTRAINT accounts_seats_rules_check CHECK (seats >= 1 AND seats <= 1000),
    CONSTRAINT accounts_tier_rules_check CHECK (tier IN ('gold', 'silver'))
);

CREATE TABLE event (
    id bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    kind event_kind NOT NULL,
    account_id uuid,
    payload jsonb,
    CONSTRAINT event_pkey PRIMARY KEY (id, occurred_at)
)
PARTITION BY RANGE (occurred_at);

CREATE TABLE profile (
    account_id uuid NOT NULL,
    bio text,
    CONSTRAINT profile_pkey PRIMARY KEY (account_id)
);

CREATE TABLE project (
    account_id uuid NOT NULL,
    slug text NOT NULL,
    lead_id uuid,
    parent_slug text,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT project_pkey PRIMARY KEY (account_id, slug)
);

ALTER TABLE event
    ADD CONSTRAINT event_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);

ALTER TABLE profile
    ADD CONSTRAINT profile_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;

ALTER TABLE project
    ADD CONSTRAINT project_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE project
    ADD CONSTRAINT project_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES accounts (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

CREATE INDEX accounts_plan_created_at_idx ON accounts (plan, created_at);

CREATE INDEX accounts_region_idx ON accounts (region) WHERE region <> 'eu';

CREATE INDEX accounts_tags_idx ON accounts USING gin (tags);

CREATE FUNCTION wesley_derived_accounts_project_count_value(uuid) RETURNS integer
    LANGUAGE sql VOLATILE SECURITY INVOKER SET search_path FROM CURRENT
    AS $wesley$ SELECT CAST(count(*) AS integer) FROM project AS c WHERE c.account_id = $1 $wesley$;

CREATE FUNCTION wesley_derived_accounts_project_count() RETURNS trigger
    LANGUAGE plpgsql SECURITY INVOKER SET search_path FROM CURRENT
    AS $wesley$
DECLARE
    keys uuid[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE accounts SET project_count = 0 WHERE project_count IS DISTINCT FROM 0;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        keys := ARRAY[NEW.account_id];
    ELSIF TG_OP = 'DELETE' THEN
        keys := ARRAY[OLD.account_id];
    ELSIF OLD.account_id IS NOT DISTINCT FROM NEW.account_id THEN
        RETURN NULL;
    ELSE
        keys := ARRAY[OLD.account_id, NEW.account_id];
    END IF;
    PERFORM FROM accounts WHERE id = ANY (keys) ORDER BY id FOR NO KEY UPDATE;
    UPDATE accounts AS p SET project_count = wesley_derived_accounts_project_count_value(p.id) WHERE p.id = ANY (keys);
    RETURN NULL;
END
$wesley$;

CREATE TRIGGER wesley_derived_accounts_project_count
    AFTER INSERT OR DELETE OR UPDATE OF account_id ON project
    FOR EACH ROW EXECUTE FUNCTION wesley_derived_accounts_project_count();

CREATE TRIGGER wesley_derived_accounts_project_count_truncate
    AFTER TRUNCATE ON project
    FOR EACH STATEMENT EXECUTE FUNCTION wesley_derived_accounts_project_count();
