import { statementClaims } from '../locks/statement-locks.js';
import { constraintSql } from '../ddl/constraint-sql.js';
import type { CheckIR } from '../ir/types.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { StepDraft } from './operation.js';
import { alterTable, rollback, step } from './step-builders.js';
import { validateStep } from './validate-step.js';

/**
 * A CHECK on a live table: `ADD CONSTRAINT ... NOT VALID` is a catalog update (a brief ACCESS
 * EXCLUSIVE lock; new writes are checked from then on), and `VALIDATE` checks the old rows
 * under SHARE UPDATE EXCLUSIVE, which lets writes go on. A redefined check is dropped and added
 * in one statement, so writes are never unchecked.
 */
export function checkSteps(table: string, check: CheckIR, replaces: CheckIR | null): StepDraft[] {
  const exclusive = statementClaims('add-check-not-valid', table);
  const drop = replaces === null ? [] : [`DROP CONSTRAINT ${quoteIdent(replaces.name)}`];
  const restore = replaces === null ? [] : [`ADD ${constraintSql(replaces)}`];
  return [
    step({
      part: 'add',
      action: 'addCheck',
      summary: `add check ${check.name} on ${table}, not yet validated (new writes are checked)`,
      sql: [alterTable(table, ...drop, `ADD ${constraintSql(check)} NOT VALID`)],
      locks: exclusive,
      rollback: rollback(
        [alterTable(table, `DROP CONSTRAINT IF EXISTS ${quoteIdent(check.name)}`, ...restore)],
        statementClaims('drop-constraint', table),
      ),
    }),
    validateStep(table, check.name),
  ];
}
