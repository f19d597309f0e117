import type { Change } from '../diff/change.js';
import { describeChange } from '../diff/describe-change.js';
import type { LockMode } from './lock-mode.js';
import type { PlanContext, StepDraft } from './operation.js';
import { isPartitioned } from './schema-facts.js';
import type { LockClaim } from './plan-types.js';
import { supports } from './server-features.js';
import { normalizeLocks, scopedLocks } from './step-builders.js';

/**
 * `draft` with its lock claims (and its rollback's) made true for partitioned tables.
 *
 * Operations claim locks as PostgreSQL takes them on a plain table. On a partitioned table
 * most statements recurse: PostgreSQL locks each partition as it applies the statement there
 * (measured on 15 and 18, pg_locks in the transaction). So for every claimed table that is
 * partitioned, the locks the recursion takes are claimed with scope `partitions` (on each
 * partition the table has when the step runs, however many: the plan does not depend on the
 * partitions a database had when it was planned), and the parent's own claim is corrected where
 * a parent (which stores no rows) differs from a plain table. A mode claimed on the parent and
 * on its partitions merges into one claim on the `tree` (`normalizeLocks`). What the recursion
 * takes, by the table's part in the change:
 *
 * - the table the change is on: each partition takes the parent's modes (ALTER TABLE
 *   subcommands, DROP TABLE, CREATE/DROP TRIGGER, the UPDATE of a backfill), except
 *   - ACCESS SHARE, which only a statement adding a foreign key takes on each partition (it
 *     clones the key there); DROP TRIGGER's stays on the parent;
 *   - an ALTER TABLE whose only subcommand adds a primary key or unique constraint, which locks
 *     the partitions ACCESS EXCLUSIVE only from PostgreSQL 18 (`keyLocksPartitions`); the index
 *     build's SHARE reaches them on every version;
 *   - a rewrite's SHARE (its indexes rebuilt) is taken on the partitions, which hold the rows
 *     and indexes, and not on the parent.
 *   A backfill's UPDATE takes ACCESS SHARE on the parent as well, but only the first time a
 *   session plans it after the parent's cache entry was rebuilt (after DDL); it is not claimed:
 *   the ROW EXCLUSIVE held on the parent conflicts with everything ACCESS SHARE does;
 * - a table a foreign key references: each partition takes ACCESS EXCLUSIVE and SHARE ROW
 *   EXCLUSIVE when the parent does (its triggers are created or dropped), and ACCESS SHARE
 *   where the parent takes ROW SHARE (the validation reads every partition).
 *
 * Statements that do not recurse are left alone: `RENAME TO`, `RENAME CONSTRAINT` of a key or
 * foreign key (its index or the parent's row alone is renamed; a CHECK's rename recurses),
 * index statements, and `CREATE TABLE` (a new table has no partitions yet). The index
 * operations lay out their per-partition steps themselves (`CREATE INDEX ON ONLY` must not
 * recurse), so they are left alone too, and so are the steps of any pattern laid out per
 * partition (`claimsItsPartitions`).
 */
export function withPartitionLocks(draft: StepDraft, change: Change, context: PlanContext): StepDraft {
  if (!describeChange(change).recursesToPartitions || claimsItsPartitions(draft)) return draft;
  // A table is partitioned if it is in either schema.
  const partitioned = (table: string) => isPartitioned(context.from, table) || isPartitioned(context.to, table);
  const owner = 'table' in change ? change.table : null;
  const reach = (claims: readonly LockClaim[], statement: PartitionStatement): LockClaim[] =>
    partitionClaims(claims, statement, { owner, partitioned, serverVersion: context.serverVersion });
  const foreignKey = change.kind === 'addForeignKey' || change.kind === 'alterForeignKey' || change.kind === 'dropForeignKey';
  // A key added NOT VALID (PostgreSQL 18) is cloned onto each partition without reading it.
  const notValid = change.kind === 'addForeignKey' && draft.sql.some((sql) => sql.endsWith(' NOT VALID;'));
  // The statement that adds a key alone: the partitioned add step, and the rollback of a drop.
  const addsKey = (undo: boolean) =>
    undo
      ? change.kind === 'dropPrimaryKey' || change.kind === 'dropUnique'
      : change.kind === 'addPrimaryKey' || change.kind === 'addUnique';
  return {
    ...draft,
    locks: reach(draft.locks, { rewrites: draft.rewrites, foreignKey: foreignKey && !notValid, addsKeyAlone: addsKey(false) }),
    rollback:
      draft.rollback === null
        ? null
        : { ...draft.rollback, locks: reach(draft.rollback.locks, { rewrites: false, foreignKey, addsKeyAlone: addsKey(true) }) },
  };
}

/**
 * `claims` of a statement made true for partitioned tables (the rules above): for each claimed
 * table `partitioned` says is partitioned, the locks the statement's recursion takes on its
 * partitions are claimed with scope `partitions`, and the parent's own claims corrected. `owner`
 * is the table the statement is on (the others are referenced by a foreign key). The planner's
 * steps and the linter's hand-written statements are both claimed through here.
 */
export function partitionClaims(
  claims: readonly LockClaim[],
  statement: PartitionStatement,
  target: { readonly owner: string | null; readonly partitioned: (table: string) => boolean; readonly serverVersion: number },
): LockClaim[] {
  const { owner, partitioned, serverVersion } = target;
  if (!claims.some((claim) => partitioned(claim.relation))) return [...claims];
  const out: LockClaim[] = [];
  for (const claim of claims) {
    if (!partitioned(claim.relation)) {
      out.push(claim);
      continue;
    }
    const role = claim.relation === owner ? 'owner' : 'referenced';
    if (!(role === 'owner' && statement.rewrites && claim.mode === 'ShareLock')) out.push(claim);
    const modes = role === 'owner' ? ownerPartitionModes(claim.mode, statement, serverVersion) : referencedPartitionModes(claim.mode);
    out.push(...scopedLocks(claim.relation, 'partitions', ...modes));
  }
  return normalizeLocks(out);
}

/** What the locks of a statement on a partitioned table depend on. */
export interface PartitionStatement {
  /** It rewrites the table (a generated column added or recomputed). */
  readonly rewrites: boolean;
  /** It adds (validated) or drops a foreign key of the table. */
  readonly foreignKey: boolean;
  /** It is an ALTER TABLE whose only subcommand adds a primary key or unique constraint. */
  readonly addsKeyAlone: boolean;
}

function ownerPartitionModes(mode: LockMode, statement: PartitionStatement, serverVersion: number): LockMode[] {
  switch (mode) {
    case 'AccessShareLock':
      return statement.foreignKey ? [mode] : [];
    case 'AccessExclusiveLock':
      return statement.addsKeyAlone && !supports(serverVersion, 'keyLocksPartitions') ? [] : [mode];
    case 'RowShareLock':
    case 'RowExclusiveLock':
    case 'ShareUpdateExclusiveLock':
    case 'ShareLock':
    case 'ShareRowExclusiveLock':
    case 'ExclusiveLock':
      return [mode];
  }
}

function referencedPartitionModes(mode: LockMode): LockMode[] {
  switch (mode) {
    case 'AccessExclusiveLock':
    case 'ShareRowExclusiveLock':
      return [mode];
    case 'RowShareLock':
      return ['AccessShareLock'];
    case 'AccessShareLock':
    case 'RowExclusiveLock':
    case 'ShareUpdateExclusiveLock':
    case 'ShareLock':
    case 'ExclusiveLock':
      return [];
  }
}

/**
 * A step of a pattern laid out per partition claims what it takes on the partitions itself: a
 * per-partition step, an `ALTER TABLE ONLY` the parent (which does not recurse), and the foreign
 * key added to a parent whose partitions each have theirs (attached, not read: measured).
 */
function claimsItsPartitions(draft: StepDraft): boolean {
  return (
    draft.perPartition !== undefined || draft.action === 'attachForeignKey' || draft.sql.every((sql) => sql.startsWith('ALTER TABLE ONLY '))
  );
}
