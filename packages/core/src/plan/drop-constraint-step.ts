import { constraintSql, type TableConstraint } from '../ddl/constraint-sql.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { StepDraft } from './operation.js';
import type { LockClaim } from './plan-types.js';
import { alterTable, locks, rollback, step } from './step-builders.js';
import { stepRank } from './step-rank.js';

/**
 * `DROP CONSTRAINT`, in `contract`: a catalog update under a brief ACCESS EXCLUSIVE lock, also
 * on the referenced table for a foreign key (its triggers there are dropped). Foreign keys go
 * first in the phase, before the keys they reference. The rollback adds the constraint back
 * (validating it under lock: rollbacks favour getting back over staying online), and names the
 * locks that takes.
 */
export function dropConstraintStep(table: string, constraint: TableConstraint): StepDraft {
  const relations = constraint.kind === 'foreignKey' && constraint.refTable !== table ? [table, constraint.refTable] : [table];
  const exclusive = locks(relations, 'AccessExclusiveLock');
  return step({
    phase: 'contract',
    rank: constraint.kind === 'foreignKey' ? stepRank.dropForeignKey : stepRank.dropConstraint,
    summary: `drop constraint ${constraint.name} of ${table}`,
    sql: [alterTable(table, `DROP CONSTRAINT ${quoteIdent(constraint.name)}`)],
    locks: exclusive,
    rollback: rollback([alterTable(table, `ADD ${constraintSql(constraint)}`)], addLocks(table, constraint)),
  });
}

/** What adding the constraint back (validated) takes, as pg_locks shows it on PG 15 and 18. */
function addLocks(table: string, constraint: TableConstraint): LockClaim[] {
  switch (constraint.kind) {
    case 'foreignKey':
      // Both tables for the trigger creation, the referenced one read for the validation.
      return [...locks([table, constraint.refTable], 'AccessShareLock', 'ShareRowExclusiveLock'), ...locks(constraint.refTable, 'RowShareLock')];
    case 'primaryKey':
    case 'unique':
      // The index build inside the ALTER TABLE holds SHARE besides the ACCESS EXCLUSIVE.
      return locks(table, 'AccessExclusiveLock', 'ShareLock');
    case 'check':
      return locks(table, 'AccessExclusiveLock');
  }
}
