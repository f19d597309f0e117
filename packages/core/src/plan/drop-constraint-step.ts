import { constraintSql, type TableConstraint } from '../ddl/constraint-sql.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { StepDraft } from './operation.js';
import type { LockClaim } from './plan-types.js';
import { statementClaims } from '../locks/statement-locks.js';
import { alterTable, rollback, step } from './step-builders.js';
import type { StepAction } from './order/step-placement.js';

/**
 * `DROP CONSTRAINT`: a catalog update under a brief ACCESS EXCLUSIVE lock, also on the
 * referenced table for a foreign key (its triggers there are dropped). The rollback adds the
 * constraint back (validating it under lock: rollbacks favour getting back over staying online),
 * and names the locks that takes. Where it runs depends on what is dropped (`stepPlacement`:
 * a check in `expand`, a key or foreign key in `contract`) and on the plan's fills (`placeStep`).
 */
export function dropConstraintStep(table: string, constraint: TableConstraint): StepDraft {
  const exclusive =
    constraint.kind === 'foreignKey'
      ? statementClaims('drop-foreign-key', table, { referenced: constraint.refTable })
      : statementClaims('drop-constraint', table);
  return step({
    action: dropAction[constraint.kind],
    summary: `drop constraint ${constraint.name} of ${table}`,
    sql: [alterTable(table, `DROP CONSTRAINT ${quoteIdent(constraint.name)}`)],
    locks: exclusive,
    rollback: rollback([alterTable(table, `ADD ${constraintSql(constraint)}`)], addLocks(table, constraint)),
  });
}

/** What dropping each kind of constraint is. */
const dropAction: { readonly [K in TableConstraint['kind']]: StepAction } = {
  check: 'dropCheck',
  foreignKey: 'dropForeignKey',
  primaryKey: 'dropKey',
  unique: 'dropKey',
};

/** What adding the constraint back (validated) takes, as pg_locks shows it on PG 15 and 18. */
function addLocks(table: string, constraint: TableConstraint): LockClaim[] {
  switch (constraint.kind) {
    case 'foreignKey':
      // Both tables for the trigger creation, the referenced one read for the validation.
      return statementClaims('add-foreign-key', table, { referenced: constraint.refTable });
    case 'primaryKey':
    case 'unique':
      // The index build inside the ALTER TABLE holds SHARE besides the ACCESS EXCLUSIVE.
      return statementClaims('add-key', table);
    case 'check':
      return statementClaims('add-check', table);
  }
}
