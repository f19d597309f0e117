import type { StatementShape } from '@wesley/core';

/**
 * One real statement for a row of the lock table (`statementLocks`), run on tables holding rows:
 * the row's modes are checked against pg_locks on each server of the run.
 */
export interface StatementLockCase {
  /** The statement, psql's text. */
  readonly sql: string;
  /** What the statement needs besides {@link statementLockSetup}, run before it. */
  readonly setup?: string;
  /** The table its `target` (and `indexed`) modes show on in pg_locks: a renamed table by its new name. */
  readonly table: string;
  /** The table its `referenced` modes show on. */
  readonly referenced?: string;
  /** The relations its `reads` modes show on. */
  readonly reads?: readonly string[];
  /**
   * The same statement on `bare`, a table with no index: only `target` (no `indexed` modes).
   * Given for each row with `indexed` modes whose statement can run on a table without an index.
   */
  readonly withoutIndex?: string;
  /** The oldest `server_version_num` that has the statement. */
  readonly since?: number;
  /**
   * Why the statement gives the table new files although the row does not say it rewrites
   * (its `rewrites` is checked on the relfilenode otherwise).
   */
  readonly newFilesBecause?: string;
  /** Why the linter classifies the statement otherwise (as another shape, or as none): what it cannot know. */
  readonly classifiedAs?: { readonly shapes: readonly StatementShape[]; readonly because: string };
}

/**
 * Tables holding rows: `orders` with a primary key and an index, `bare` with none, `customers`
 * for a foreign key to reference, `events` partitioned, with an index.
 */
export const statementLockSetup = `
CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total int, note text, label varchar(10));
CREATE INDEX orders_total ON orders (total);
CREATE TABLE bare (id int, customer_id int, total int, note text, label varchar(10));
INSERT INTO customers SELECT g FROM generate_series(1, 200) g;
INSERT INTO orders SELECT g, g, g, 'n', 'l' FROM generate_series(1, 200) g;
INSERT INTO bare SELECT g, g, g, 'n', 'l' FROM generate_series(1, 200) g;
CREATE TABLE events (at int, v int) PARTITION BY RANGE (at);
CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (100);
CREATE TABLE events_2 PARTITION OF events FOR VALUES FROM (100) TO (200);
INSERT INTO events SELECT g, g FROM generate_series(0, 199) g;
CREATE INDEX events_at ON events (at);
ANALYZE;
`;

const foreignKey = 'ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id);';
const trigger = `CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();`;
const view = 'CREATE MATERIALIZED VIEW totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;';
const detached = 'CREATE TABLE events_3 (at int, v int);\nINSERT INTO events_3 SELECT g, g FROM generate_series(200, 299) g;';
const attached = 'CREATE TABLE events_3 PARTITION OF events FOR VALUES FROM (200) TO (300);';

/** A case for every row: a row added to the lock table without one does not compile. */
export const statementLockCases: { readonly [S in StatementShape]: StatementLockCase } = {
  'create-table': {
    sql: 'CREATE TABLE fresh (id int);',
    table: 'fresh',
    classifiedAs: { shapes: [], because: 'a table the statement creates holds no rows and no other session knows it: nothing to judge' },
  },
  'drop-table': {
    sql: 'DROP TABLE orders;',
    setup: foreignKey,
    table: 'orders',
    referenced: 'customers',
  },
  'create-index': { sql: 'CREATE INDEX orders_customer ON orders (customer_id);', table: 'orders' },
  'create-index-concurrently': { sql: 'CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);', table: 'orders' },
  'create-index-only': { sql: 'CREATE INDEX events_v ON ONLY events (v);', table: 'events' },
  'drop-index': { sql: 'DROP INDEX orders_total;', table: 'orders' },
  'drop-index-concurrently': { sql: 'DROP INDEX CONCURRENTLY orders_total;', table: 'orders' },
  'add-column': { sql: 'ALTER TABLE orders ADD COLUMN flag int DEFAULT 1;', table: 'orders' },
  'add-column-rewrite': {
    sql: 'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();',
    table: 'orders',
    withoutIndex: 'ALTER TABLE bare ADD COLUMN token uuid DEFAULT gen_random_uuid();',
  },
  'drop-column': { sql: 'ALTER TABLE orders DROP COLUMN note;', table: 'orders' },
  'alter-column-default': { sql: `ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'x';`, table: 'orders' },
  'alter-column-type': {
    sql: 'ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;',
    table: 'orders',
    withoutIndex: 'ALTER TABLE bare ALTER COLUMN customer_id TYPE bigint;',
  },
  'alter-column-type-catalog': {
    sql: 'ALTER TABLE orders ALTER COLUMN label TYPE varchar(20);',
    setup: 'CREATE INDEX orders_label ON orders (label);',
    table: 'orders',
    withoutIndex: 'ALTER TABLE bare ALTER COLUMN label TYPE varchar(20);',
  },
  'set-not-null': { sql: 'ALTER TABLE orders ALTER COLUMN total SET NOT NULL;', table: 'orders' },
  'drop-not-null': {
    sql: 'ALTER TABLE orders ALTER COLUMN id DROP NOT NULL;',
    setup: 'ALTER TABLE orders DROP CONSTRAINT orders_pkey;',
    table: 'orders',
  },
  'add-not-null-not-valid': {
    sql: 'ALTER TABLE orders ADD CONSTRAINT total_not_null NOT NULL total NOT VALID;',
    table: 'orders',
    since: 180000,
  },
  'add-check': { sql: 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0);', table: 'orders' },
  'add-check-not-valid': { sql: 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID;', table: 'orders' },
  'validate-check': {
    sql: 'ALTER TABLE orders VALIDATE CONSTRAINT positive;',
    setup: 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID;',
    table: 'orders',
  },
  'add-foreign-key': { sql: foreignKey, table: 'orders', referenced: 'customers' },
  'add-foreign-key-not-valid': { sql: foreignKey.replace(/;$/, ' NOT VALID;'), table: 'orders', referenced: 'customers' },
  'validate-foreign-key': {
    sql: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_customer;',
    setup: foreignKey.replace(/;$/, ' NOT VALID;'),
    table: 'orders',
    referenced: 'customers',
  },
  'add-key': { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_key UNIQUE (customer_id);', table: 'orders' },
  'add-key-using-index': {
    sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_key UNIQUE USING INDEX orders_customer_key;',
    setup: 'CREATE UNIQUE INDEX orders_customer_key ON orders (customer_id);',
    table: 'orders',
  },
  'drop-constraint': {
    sql: 'ALTER TABLE orders DROP CONSTRAINT positive;',
    setup: 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0);',
    table: 'orders',
  },
  'drop-foreign-key': {
    sql: 'ALTER TABLE orders DROP CONSTRAINT orders_customer;',
    setup: foreignKey,
    table: 'orders',
    referenced: 'customers',
    classifiedAs: {
      shapes: ['drop-constraint'],
      because:
        'which kind of constraint is dropped is in the catalog, not the statement: the linter claims no lock on the referenced table',
    },
  },
  'rename-table': { sql: 'ALTER TABLE orders RENAME TO purchases;', table: 'purchases' },
  'rename-column': { sql: 'ALTER TABLE orders RENAME COLUMN note TO remark;', table: 'orders' },
  'rename-constraint': { sql: 'ALTER TABLE orders RENAME CONSTRAINT orders_pkey TO orders_key;', table: 'orders' },
  'create-trigger': {
    sql: 'CREATE TRIGGER touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();',
    setup: 'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;',
    table: 'orders',
  },
  'drop-trigger': { sql: 'DROP TRIGGER touch ON orders;', setup: trigger, table: 'orders' },
  truncate: {
    sql: 'TRUNCATE orders;',
    table: 'orders',
    withoutIndex: 'TRUNCATE bare;',
    newFilesBecause: 'TRUNCATE gives the table new, empty files: nothing is written, so the row does not count it a rewrite',
  },
  // Enough rows that the SHARE of its index rebuild lasts long enough to be seen in flight every
  // time. No case without an index: VACUUM FULL runs outside a transaction, so it is watched in
  // flight, and the SHARE of an empty rebuild is over before a poll under load sees it; CLUSTER's
  // and SET LOGGED's code path (the same heap swap and reindex_relation) is proven in a transaction.
  'vacuum-full': {
    sql: 'VACUUM FULL orders;',
    setup: `INSERT INTO orders SELECT g, g, g, 'n', 'l' FROM generate_series(201, 200000) g;`,
    table: 'orders',
  },
  cluster: { sql: 'CLUSTER orders USING orders_pkey;', table: 'orders' },
  'set-tablespace': { sql: 'ALTER TABLE orders SET TABLESPACE {tablespace};', table: 'orders' },
  'set-logged': { sql: 'ALTER TABLE orders SET UNLOGGED;', table: 'orders', withoutIndex: 'ALTER TABLE bare SET UNLOGGED;' },
  'refresh-materialized-view': { sql: 'REFRESH MATERIALIZED VIEW totals;', setup: view, table: 'totals', reads: ['orders'] },
  'refresh-materialized-view-concurrently': {
    sql: 'REFRESH MATERIALIZED VIEW CONCURRENTLY totals;',
    setup: `${view}\nCREATE UNIQUE INDEX totals_customer ON totals (customer_id);`,
    table: 'totals',
    reads: ['orders'],
  },
  'set-statistics': { sql: 'ALTER TABLE orders ALTER COLUMN total SET STATISTICS 500;', table: 'orders' },
  'cluster-on': { sql: 'ALTER TABLE orders CLUSTER ON orders_pkey;', table: 'orders' },
  'attach-partition': {
    sql: 'ALTER TABLE events ATTACH PARTITION events_3 FOR VALUES FROM (200) TO (300);',
    setup: detached,
    table: 'events',
    referenced: 'events_3',
  },
  'detach-partition': { sql: 'ALTER TABLE events DETACH PARTITION events_2;', table: 'events', referenced: 'events_2' },
  'detach-partition-concurrently': {
    sql: 'ALTER TABLE events DETACH PARTITION events_3 CONCURRENTLY;',
    setup: attached,
    table: 'events',
    referenced: 'events_3',
  },
  'set-options': { sql: 'ALTER TABLE orders SET (fillfactor = 90);', table: 'orders' },
  'enable-trigger': { sql: 'ALTER TABLE orders DISABLE TRIGGER touch;', setup: trigger, table: 'orders' },
  'alter-table': { sql: 'ALTER TABLE orders ALTER COLUMN note SET STORAGE EXTERNAL;', table: 'orders' },
  // Row-level security and policies on the partitioned table: its partitions are not locked.
  'row-security': { sql: 'ALTER TABLE events ENABLE ROW LEVEL SECURITY;', table: 'events' },
  'create-policy': { sql: 'CREATE POLICY tenant ON events AS RESTRICTIVE FOR SELECT TO PUBLIC USING (v > 0);', table: 'events' },
  'alter-policy': {
    sql: 'ALTER POLICY tenant ON orders TO PUBLIC USING (total > 1) WITH CHECK (total > 1);',
    setup: 'CREATE POLICY tenant ON orders USING (total > 0);',
    table: 'orders',
  },
  'drop-policy': { sql: 'DROP POLICY tenant ON events;', setup: 'CREATE POLICY tenant ON events USING (v > 0);', table: 'events' },
  grant: {
    sql: 'GRANT SELECT, INSERT ON orders TO PUBLIC;',
    table: 'orders',
    classifiedAs: { shapes: [], because: 'GRANT and REVOKE take no lock on the table: nothing to judge' },
  },
};
