import type { LockMode } from '../plan/lock-mode.js';
import type { LockClaim } from '../plan/plan-types.js';

/**
 * What one statement shape does to the tables it names, on a plain (unpartitioned) table:
 * the modes PostgreSQL takes, whether it reads every row or writes them all again, and whether
 * a transaction block may hold it. Each row is checked against pg_locks on PostgreSQL 18 and 15
 * (the lock-truth suites); partitions are added by the planner's partition recursion.
 */
export interface StatementLocks {
  /** The statement as written, for docs and messages: `CREATE INDEX CONCURRENTLY`. */
  readonly statement: string;
  /** Modes on the table the statement names. */
  readonly target: readonly LockMode[];
  /**
   * Modes on the other table the statement names: the table a foreign key references (the key's
   * triggers live there too), the partition attached or detached.
   */
  readonly referenced: readonly LockMode[];
  /** Modes on each relation its query reads: the tables (views, their tables) a materialized view is defined over. */
  readonly reads: readonly LockMode[];
  /** Modes also taken on the target when the column it changes has an index (SHARE: to check it needs no rebuild). */
  readonly indexed: readonly LockMode[];
  /** Modes also taken on the target by servers older than `serverVersion` (measured on 15, not on 18). */
  readonly olderServers: { readonly serverVersion: number; readonly target: readonly LockMode[] } | null;
  /** Modes also taken on the target by servers from `serverVersion` on (measured on 18, not on 15). */
  readonly newerServers: { readonly serverVersion: number; readonly target: readonly LockMode[] } | null;
  /** It writes every row again (a new relfilenode): time and WAL grow with the table. */
  readonly rewrites: boolean;
  /** It reads every row under its locks: time grows with the table. */
  readonly scans: boolean;
  /** It may run inside BEGIN ... COMMIT (`CONCURRENTLY` and `VACUUM` may not). */
  readonly inTransaction: boolean;
  /**
   * On a partitioned table it is applied to each partition too, locking each (unless written
   * with `ONLY`): the planner's partition recursion (`partitionClaims`) says with which modes.
   */
  readonly recurses: boolean;
}

const exclusive = ['AccessExclusiveLock'] as const;
// A statement that gives the table new files rebuilds its indexes (`reindex_relation`), which
// holds the table SHARE whether it has indexes or not (measured on 15 and 18 on a table with none).
const rebuilt = ['AccessExclusiveLock', 'ShareLock'] as const;

function row(
  statement: string,
  target: readonly LockMode[],
  facts: Partial<Omit<StatementLocks, 'statement' | 'target'>> = {},
): StatementLocks {
  return {
    statement,
    target,
    referenced: [],
    reads: [],
    indexed: [],
    olderServers: null,
    newerServers: null,
    rewrites: false,
    scans: false,
    inTransaction: true,
    recurses: false,
    ...facts,
  };
}

/**
 * The one table of statement shapes: the planner's step builders take their claims from it and
 * the linter judges a hand-written statement by it, so a planned step and the same statement
 * written by hand are judged alike. Sources: PostgreSQL's "Table-Level Locks" and each
 * statement's page, as measured on 15 and 18 (docs/locks.md).
 */
export const statementLocks = {
  'create-table': row('CREATE TABLE', exclusive),
  'drop-table': row('DROP TABLE', exclusive, { recurses: true, referenced: exclusive }),
  'create-index': row('CREATE INDEX', ['ShareLock'], { recurses: true, scans: true }),
  'create-index-concurrently': row('CREATE INDEX CONCURRENTLY', ['ShareUpdateExclusiveLock'], { scans: true, inTransaction: false }),
  // `ON ONLY` a partitioned parent: the parent holds no rows, so nothing is read.
  'create-index-only': row('CREATE INDEX ON ONLY', ['ShareLock']),
  'drop-index': row('DROP INDEX', exclusive, { recurses: true }),
  'drop-index-concurrently': row('DROP INDEX CONCURRENTLY', ['ShareUpdateExclusiveLock'], { inTransaction: false }),
  'add-column': row('ALTER TABLE ... ADD COLUMN', exclusive, { recurses: true }),
  // A volatile default, a stored generated or identity column, or any default before PostgreSQL 11.
  'add-column-rewrite': row('ALTER TABLE ... ADD COLUMN (rewriting)', rebuilt, { recurses: true, rewrites: true }),
  'drop-column': row('ALTER TABLE ... DROP COLUMN', exclusive, { recurses: true }),
  'alter-column-default': row('ALTER TABLE ... ALTER COLUMN ... SET/DROP DEFAULT', exclusive, { recurses: true }),
  'alter-column-type': row('ALTER TABLE ... ALTER COLUMN ... TYPE (rewriting)', rebuilt, { recurses: true, rewrites: true }),
  // Binary-coercible (varchar(n) to text or a longer varchar, ...): the catalog only; SHARE to check an index needs no rebuild.
  'alter-column-type-catalog': row('ALTER TABLE ... ALTER COLUMN ... TYPE (binary-coercible)', exclusive, {
    recurses: true,
    indexed: ['ShareLock'],
  }),
  'set-not-null': row('ALTER TABLE ... ALTER COLUMN ... SET NOT NULL', exclusive, { recurses: true, scans: true }),
  'drop-not-null': row('ALTER TABLE ... ALTER COLUMN ... DROP NOT NULL', exclusive, { recurses: true }),
  'add-not-null-not-valid': row('ALTER TABLE ... ADD CONSTRAINT ... NOT NULL ... NOT VALID', exclusive, { recurses: true }),
  'add-check': row('ALTER TABLE ... ADD CHECK', exclusive, { recurses: true, scans: true }),
  'add-check-not-valid': row('ALTER TABLE ... ADD CHECK ... NOT VALID', exclusive, { recurses: true }),
  'validate-check': row('ALTER TABLE ... VALIDATE CONSTRAINT (check)', ['ShareUpdateExclusiveLock'], { recurses: true, scans: true }),
  'add-foreign-key': row('ALTER TABLE ... ADD FOREIGN KEY', ['AccessShareLock', 'ShareRowExclusiveLock'], {
    recurses: true,
    referenced: ['AccessShareLock', 'RowShareLock', 'ShareRowExclusiveLock'],
    scans: true,
  }),
  'add-foreign-key-not-valid': row('ALTER TABLE ... ADD FOREIGN KEY ... NOT VALID', ['AccessShareLock', 'ShareRowExclusiveLock'], {
    recurses: true,
    referenced: ['AccessShareLock', 'ShareRowExclusiveLock'],
  }),
  'validate-foreign-key': row('ALTER TABLE ... VALIDATE CONSTRAINT (foreign key)', ['AccessShareLock', 'ShareUpdateExclusiveLock'], {
    recurses: true,
    referenced: ['AccessShareLock', 'RowShareLock'],
    scans: true,
  }),
  // PRIMARY KEY or UNIQUE that builds its index.
  'add-key': row('ALTER TABLE ... ADD PRIMARY KEY / UNIQUE', ['ShareLock', 'AccessExclusiveLock'], { recurses: true, scans: true }),
  'add-key-using-index': row('ALTER TABLE ... ADD PRIMARY KEY / UNIQUE USING INDEX', exclusive),
  // A foreign key's drop removes its triggers on the referenced table too.
  'drop-constraint': row('ALTER TABLE ... DROP CONSTRAINT', exclusive, { recurses: true }),
  'drop-foreign-key': row('ALTER TABLE ... DROP CONSTRAINT (foreign key)', exclusive, { recurses: true, referenced: exclusive }),
  'rename-table': row('ALTER TABLE ... RENAME TO', exclusive),
  'rename-column': row('ALTER TABLE ... RENAME COLUMN', exclusive),
  'rename-constraint': row('ALTER TABLE ... RENAME CONSTRAINT', exclusive),
  'create-trigger': row('CREATE TRIGGER', ['ShareRowExclusiveLock'], { recurses: true }),
  // ACCESS SHARE too, on the table named only (not its partitions): measured on 15 and 18.
  'drop-trigger': row('DROP TRIGGER', ['AccessShareLock', 'AccessExclusiveLock'], { recurses: true }),
  // New, empty files for the table and its indexes (on the partitions of a partitioned table): nothing is written.
  truncate: row('TRUNCATE', rebuilt, { recurses: true }),
  'vacuum-full': row('VACUUM FULL', rebuilt, { rewrites: true, inTransaction: false }),
  cluster: row('CLUSTER', rebuilt, { rewrites: true }),
  // Copies the table's files (its indexes stay where they are): no SHARE.
  'set-tablespace': row('ALTER TABLE ... SET TABLESPACE', exclusive, { rewrites: true }),
  'set-logged': row('ALTER TABLE ... SET LOGGED / UNLOGGED', rebuilt, { rewrites: true }),
  // Its query runs again into new files (EXCLUSIVE first, then ACCESS EXCLUSIVE to swap them in):
  // ACCESS SHARE on what it reads, as a SELECT takes. PostgreSQL 15 holds the view ACCESS SHARE too.
  'refresh-materialized-view': row('REFRESH MATERIALIZED VIEW', [...rebuilt, 'ExclusiveLock'], {
    reads: ['AccessShareLock'],
    rewrites: true,
    olderServers: { serverVersion: 180000, target: ['AccessShareLock'] },
  }),
  // Reads of the view go on while its query runs and the difference is applied to it (ROW
  // EXCLUSIVE, as DML takes; it needs a unique index): writes cannot happen to a view anyway.
  'refresh-materialized-view-concurrently': row(
    'REFRESH MATERIALIZED VIEW CONCURRENTLY',
    ['AccessShareLock', 'RowExclusiveLock', 'ExclusiveLock'],
    { reads: ['AccessShareLock'], scans: true },
  ),
  // Per-column statistics targets and options (n_distinct): only ANALYZE reads them.
  'set-statistics': row('ALTER TABLE ... ALTER COLUMN ... SET STATISTICS / SET (attribute options)', ['ShareUpdateExclusiveLock'], {
    recurses: true,
  }),
  'cluster-on': row('ALTER TABLE ... CLUSTER ON / SET WITHOUT CLUSTER', ['ShareUpdateExclusiveLock']),
  // Since PostgreSQL 12 the parent is held SHARE UPDATE EXCLUSIVE only; the partition is read to
  // prove its rows fit the bounds unless a valid CHECK implies them, and held SHARE too while its
  // copy of each of the parent's indexes is built.
  'attach-partition': row('ALTER TABLE ... ATTACH PARTITION', ['ShareUpdateExclusiveLock'], { referenced: rebuilt, scans: true }),
  'detach-partition': row('ALTER TABLE ... DETACH PARTITION', exclusive, { referenced: exclusive }),
  // Two transactions: SHARE UPDATE EXCLUSIVE on both, a commit, a wait for every transaction
  // that uses the parent, then ACCESS EXCLUSIVE on the partition alone to finish. The parent is
  // also opened ACCESS SHARE for a moment on the way (seen on 15 in one run of several).
  'detach-partition-concurrently': row('ALTER TABLE ... DETACH PARTITION CONCURRENTLY', ['AccessShareLock', 'ShareUpdateExclusiveLock'], {
    referenced: ['ShareUpdateExclusiveLock', 'AccessExclusiveLock'],
    inTransaction: false,
  }),
  // Storage parameters (fillfactor, autovacuum_*): SHARE UPDATE EXCLUSIVE for those ALTER TABLE allows it.
  'set-options': row('ALTER TABLE ... SET / RESET (storage parameters)', ['ShareUpdateExclusiveLock'], { recurses: true }),
  'enable-trigger': row('ALTER TABLE ... ENABLE / DISABLE TRIGGER', ['ShareRowExclusiveLock'], { recurses: true }),
  // Row-level security and policies: the named table alone, never its partitions (a partitioned
  // table's policies apply to queries through it; measured on 15 and 18).
  'row-security': row('ALTER TABLE ... ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY', exclusive),
  'create-policy': row('CREATE POLICY', exclusive),
  'alter-policy': row('ALTER POLICY', exclusive),
  // ACCESS SHARE too, as DROP TRIGGER takes it (measured on 15 and 18).
  'drop-policy': row('DROP POLICY', ['AccessShareLock', 'AccessExclusiveLock']),
  // An update of the table's pg_class row (its relacl): no lock on the table before PostgreSQL 18,
  // ACCESS SHARE from 18 on (measured on 15 and 18). Nothing waits for it either way.
  grant: row('GRANT / REVOKE (table privileges)', [], { newerServers: { serverVersion: 180000, target: ['AccessShareLock'] } }),
  // Any other ALTER TABLE subcommand: ACCESS EXCLUSIVE unless PostgreSQL documents a weaker one.
  'alter-table': row('ALTER TABLE', exclusive, { recurses: true }),
} as const satisfies Record<string, StatementLocks>;

export type StatementShape = keyof typeof statementLocks;

/** Where a statement of one shape applies: its table, a referenced table, what it reads, whether the table (or column) has indexes. */
export interface StatementTarget {
  readonly referenced?: string | readonly string[];
  /** What its query reads (a materialized view's tables). */
  readonly reads?: readonly string[];
  /** `server_version_num` of the server it runs on: an older server's own modes are claimed when it is absent. */
  readonly serverVersion?: number;
  readonly indexed?: boolean;
}

/** The lock claims of a statement of `shape` on `table` (and what it references), as a step claims them. */
export function statementClaims(shape: StatementShape, table: string, target: StatementTarget = {}): LockClaim[] {
  const facts: StatementLocks = statementLocks[shape];
  const referenced = target.referenced === undefined ? [] : typeof target.referenced === 'string' ? [target.referenced] : target.referenced;
  return [
    ...facts.target.map((mode) => ({ relation: table, mode })),
    ...(facts.olderServers !== null && (target.serverVersion ?? 0) < facts.olderServers.serverVersion
      ? facts.olderServers.target.map((mode) => ({ relation: table, mode }))
      : []),
    ...(facts.newerServers !== null && (target.serverVersion ?? 0) >= facts.newerServers.serverVersion
      ? facts.newerServers.target.map((mode) => ({ relation: table, mode }))
      : []),
    ...(target.indexed === true ? facts.indexed.map((mode) => ({ relation: table, mode })) : []),
    ...referenced.flatMap((relation) => facts.referenced.map((mode) => ({ relation, mode }))),
    ...(target.reads ?? []).flatMap((relation) => facts.reads.map((mode) => ({ relation, mode }))),
  ];
}
