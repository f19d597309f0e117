import { constraintSql, type TableConstraint } from '../ddl/constraint-sql.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { StepDraft } from './operation.js';
import { alterTable, locks, rollback, step } from './step-builders.js';
import { stepRank } from './step-rank.js';

/**
 * `DROP CONSTRAINT`, in `contract`: a catalog update under a brief ACCESS EXCLUSIVE lock, also
 * on the referenced table for a foreign key (its triggers there are dropped). Foreign keys go
 * first in the phase, before the keys they reference. The rollback adds the constraint back
 * (validating it under lock: rollbacks favour getting back over staying online).
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
    rollback: rollback([alterTable(table, `ADD ${constraintSql(constraint)}`)], exclusive),
  });
}
