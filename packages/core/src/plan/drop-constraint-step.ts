import { constraintSql, type TableConstraint } from '../ddl/constraint-sql.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { StepDraft } from './operation.js';
import type { LockClaim } from './plan-types.js';
import { alterTable, locks, rollback, step } from './step-builders.js';
import { stepRank, type StepRank } from './order/step-rank.js';

/**
 * `DROP CONSTRAINT`: a catalog update under a brief ACCESS EXCLUSIVE lock, also on the
 * referenced table for a foreign key (its triggers there are dropped). Keys and foreign keys go
 * in `contract` (the old code may rely on them: `ON CONFLICT` needs the unique index, a cascade
 * deletes for it), foreign keys first, before the keys they reference. A check goes in `expand`,
 * as `DROP NOT NULL` does: it only refuses rows, so the old code never misses it, and the fills
 * of the backfill phase may write values that v2 allows and the dropped check refused. So does a
 * key a fill of this plan needs gone first (see `dropsBeforeFills`): the old
 * code loses it a phase early rather than the plan stopping at the fill. The rollback adds the
 * constraint back (validating it under lock: rollbacks favour getting back over staying online),
 * and names the locks that takes.
 */
export function dropConstraintStep(table: string, constraint: TableConstraint, beforeFill = false): StepDraft {
  const relations = constraint.kind === 'foreignKey' && constraint.refTable !== table ? [table, constraint.refTable] : [table];
  const exclusive = locks(relations, 'AccessExclusiveLock');
  const early = beforeFill || constraint.kind === 'check';
  return step({
    phase: early ? 'expand' : 'contract',
    rank: early ? (constraint.kind === 'foreignKey' ? stepRank.relaxForeignKey : stepRank.relaxConstraint) : rankOf(constraint.kind),
    summary: `drop constraint ${constraint.name} of ${table}`,
    sql: [alterTable(table, `DROP CONSTRAINT ${quoteIdent(constraint.name)}`)],
    locks: exclusive,
    rollback: rollback([alterTable(table, `ADD ${constraintSql(constraint)}`)], addLocks(table, constraint)),
  });
}

/** Where a drop goes in `contract`. */
function rankOf(kind: Exclude<TableConstraint['kind'], 'check'>): StepRank {
  return kind === 'foreignKey' ? stepRank.dropForeignKey : stepRank.dropConstraint;
}

/** What adding the constraint back (validated) takes, as pg_locks shows it on PG 15 and 18. */
function addLocks(table: string, constraint: TableConstraint): LockClaim[] {
  switch (constraint.kind) {
    case 'foreignKey':
      // Both tables for the trigger creation, the referenced one read for the validation.
      return [
        ...locks([table, constraint.refTable], 'AccessShareLock', 'ShareRowExclusiveLock'),
        ...locks(constraint.refTable, 'RowShareLock'),
      ];
    case 'primaryKey':
    case 'unique':
      // The index build inside the ALTER TABLE holds SHARE besides the ACCESS EXCLUSIVE.
      return locks(table, 'AccessExclusiveLock', 'ShareLock');
    case 'check':
      return locks(table, 'AccessExclusiveLock');
  }
}
