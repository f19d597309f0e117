/**
 * One statement per lint rule, run on tables holding rows: the linter's claims for it (and for
 * each statement of its fix) are checked against pg_locks, and a rule whose hazard is a refusal
 * is checked to be refused.
 */
export interface LintLockTruthCase {
  /** The rule the statement breaks; `null` for a statement no rule reports, whose claims are checked all the same. */
  readonly rule: string | null;
  /** The hazardous statement(s), psql's text. */
  readonly sql: string;
  /** More setup for this case. */
  readonly setup?: string;
  /** The SQLSTATE PostgreSQL refuses it with, for a rule whose hazard is that it fails. */
  readonly refused?: string;
}

/** Tables with rows, an index, a foreign key's target and a partitioned table of two partitions. */
export const lintLockTruthSetup = `
CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total int, note text);
CREATE INDEX orders_total ON orders (total);
INSERT INTO customers SELECT g FROM generate_series(1, 200) g;
INSERT INTO orders SELECT g, g, g, 'n' FROM generate_series(1, 200) g;
CREATE TABLE events (at int, v int) PARTITION BY RANGE (at);
CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (100);
CREATE TABLE events_2 PARTITION OF events FOR VALUES FROM (100) TO (200);
INSERT INTO events SELECT g, g FROM generate_series(0, 199) g;
CREATE INDEX events_at ON events (at);
ANALYZE;
`;

export const lintLockTruthCases: readonly LintLockTruthCase[] = [
  { rule: 'require-concurrent-index', sql: 'CREATE INDEX orders_customer ON orders (customer_id);' },
  { rule: 'require-concurrent-index-drop', sql: 'DROP INDEX orders_total;' },
  {
    rule: 'foreign-key-not-valid',
    sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id);',
  },
  { rule: 'check-not-valid', sql: 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0);' },
  { rule: 'set-not-null-scan', sql: 'ALTER TABLE orders ALTER COLUMN total SET NOT NULL;' },
  { rule: 'column-type-rewrite', sql: 'ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;' },
  { rule: 'volatile-default-rewrite', sql: 'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();' },
  { rule: 'unique-constraint-build', sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_key UNIQUE (customer_id);' },
  {
    rule: 'concurrent-in-transaction',
    sql: 'BEGIN;\nCREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);\nCOMMIT;',
    refused: '25001',
  },
  // VACUUM FULL runs outside a transaction, so it is watched in flight: enough rows that the
  // SHARE of its index rebuild lasts long enough to be seen every time (with 200 rows it was missed once).
  {
    rule: 'table-rewrite',
    sql: 'VACUUM FULL orders;',
    setup: `INSERT INTO orders SELECT g, g, g, 'n' FROM generate_series(201, 200000) g;`,
  },
  { rule: 'table-rewrite', sql: 'CLUSTER orders USING orders_pkey;' },
  { rule: 'table-rewrite', sql: 'ALTER TABLE orders SET UNLOGGED;' },
  { rule: 'table-rewrite', sql: 'ALTER TABLE orders SET TABLESPACE pg_default;' },
  { rule: 'rename-breaks-clients', sql: 'ALTER TABLE orders RENAME COLUMN note TO remark;' },
  { rule: 'rename-breaks-clients', sql: 'ALTER TABLE orders RENAME TO purchases;' },
  // On a partitioned table: the planner's partition recursion claims each partition's locks.
  { rule: 'require-concurrent-index', sql: 'CREATE INDEX events_v ON events (v);' },
  { rule: 'check-not-valid', sql: 'ALTER TABLE events ADD CONSTRAINT v_positive CHECK (v >= 0);' },
  { rule: 'set-not-null-scan', sql: 'ALTER TABLE events ALTER COLUMN v SET NOT NULL;' },
  // Shapes of the lock table no rule reports.
  { rule: null, sql: 'TRUNCATE orders, customers CASCADE;' },
  {
    rule: null,
    sql: 'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nCREATE TRIGGER touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();\nALTER TABLE orders DISABLE TRIGGER touch;\nDROP TRIGGER touch ON orders;',
  },
  {
    rule: null,
    sql: 'ALTER TABLE orders ALTER COLUMN total SET STATISTICS 500;\nALTER TABLE orders SET (fillfactor = 90);\nALTER TABLE orders ALTER COLUMN note SET DEFAULT $$x$$;',
  },
  { rule: null, sql: 'ALTER TABLE events ALTER COLUMN v SET STATISTICS 500;\nTRUNCATE events;' },
  { rule: 'partitioned-index', sql: 'CREATE INDEX CONCURRENTLY events_v ON events (v);', refused: '0A000' },
  { rule: 'partitioned-index', sql: 'DROP INDEX CONCURRENTLY events_at;', refused: '0A000' },
];
