import { statementClaims } from '../locks/statement-locks.js';
import type { StepDraft } from './operation.js';
import { rollback, step } from './step-builders.js';

/**
 * The one step of `ALTER TABLE ... ENABLE/DISABLE` or `FORCE/NO FORCE ROW LEVEL SECURITY`:
 * `statement(table, on)` is the SQL, its undo the same with `!on`. Turning it on hides rows
 * (`enableRowSecurity`, in `contract`), off only lets rows through (`relaxRowSecurity`).
 */
export function rowSecurityStep(table: string, on: boolean, summary: string, statement: (table: string, on: boolean) => string): StepDraft {
  const claims = statementClaims('row-security', table);
  return step({
    action: on ? 'enableRowSecurity' : 'relaxRowSecurity',
    summary,
    sql: [statement(table, on)],
    locks: claims,
    rollback: rollback([statement(table, !on)], claims),
  });
}
