import { statementClaims, statementLocks } from '../locks/statement-locks.js';
import { derivedName } from '../naming/name-allocator.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { StepDraft } from './operation.js';
import { supports } from './server-features.js';
import { alterTable, rollback, step } from './step-builders.js';
import { validateStep } from './validate-step.js';

/**
 * NOT NULL on a column of a table that has rows, without a scan under ACCESS EXCLUSIVE:
 * - PostgreSQL 18: `ADD CONSTRAINT ... NOT NULL col NOT VALID`, then `VALIDATE` (two steps);
 * - PostgreSQL 12-17: `CHECK (col IS NOT NULL) NOT VALID`, `VALIDATE`, then `SET NOT NULL`,
 *   which trusts the valid check and skips its scan, and the check is dropped;
 * - PostgreSQL 11: `SET NOT NULL` scans under ACCESS EXCLUSIVE, which blocks (`stepBlocking`).
 */
export function notNullSteps(table: string, column: string, serverVersion: number): StepDraft[] {
  const dropLocks = statementClaims('drop-not-null', table);
  const dropNotNull = alterTable(table, `ALTER COLUMN ${quoteIdent(column)} DROP NOT NULL`);
  // PostgreSQL's own name for a NOT NULL constraint (18) is `<table>_<column>_not_null`.
  const name = derivedName(`${table}_${column}`, 'not_null');
  if (supports(serverVersion, 'notNullNotValid')) {
    return [
      step({
        part: 'add',
        action: 'addNotNull',
        summary: `declare ${table}.${column} NOT NULL, not yet validated (new writes are checked)`,
        sql: [alterTable(table, `ADD CONSTRAINT ${quoteIdent(name)} NOT NULL ${quoteIdent(column)} NOT VALID`)],
        locks: statementClaims('add-not-null-not-valid', table),
        rollback: rollback([dropNotNull], dropLocks),
      }),
      validateStep(table, name),
    ];
  }
  if (!supports(serverVersion, 'notNullFromCheck')) {
    return [
      step({
        action: 'setNotNull',
        summary: `set ${table}.${column} NOT NULL (scans the table under ACCESS EXCLUSIVE before PostgreSQL 12)`,
        sql: [alterTable(table, `ALTER COLUMN ${quoteIdent(column)} SET NOT NULL`)],
        locks: statementClaims('set-not-null', table),
        scans: statementLocks['set-not-null'].scans,
        rollback: rollback([dropNotNull], dropLocks),
        alternative: 'upgrade to PostgreSQL 12 or later, where a validated CHECK lets SET NOT NULL skip the scan',
      }),
    ];
  }
  const check = name;
  const dropCheck = alterTable(table, `DROP CONSTRAINT IF EXISTS ${quoteIdent(check)}`);
  return [
    step({
      part: 'check',
      action: 'addNotNull',
      summary: `check ${table}.${column} IS NOT NULL, not yet validated (new writes are checked)`,
      sql: [alterTable(table, `ADD CONSTRAINT ${quoteIdent(check)} CHECK (${quoteIdent(column)} IS NOT NULL) NOT VALID`)],
      locks: statementClaims('add-check-not-valid', table),
      rollback: rollback([dropCheck], statementClaims('drop-constraint', table)),
    }),
    validateStep(table, check),
    step({
      part: 'set',
      action: 'setNotNull',
      summary: `set ${table}.${column} NOT NULL, proven by the valid check (no scan), and drop the check`,
      sql: [alterTable(table, `ALTER COLUMN ${quoteIdent(column)} SET NOT NULL`, `DROP CONSTRAINT ${quoteIdent(check)}`)],
      // Proven by the valid check: SET NOT NULL reads no row, so it takes what a catalog change takes.
      locks: [...statementClaims('set-not-null', table), ...statementClaims('drop-constraint', table)],
      rollback: rollback(
        [
          alterTable(
            table,
            `ALTER COLUMN ${quoteIdent(column)} DROP NOT NULL`,
            `ADD CONSTRAINT ${quoteIdent(check)} CHECK (${quoteIdent(column)} IS NOT NULL) NOT VALID`,
          ),
        ],
        [...dropLocks, ...statementClaims('add-check-not-valid', table)],
      ),
    }),
  ];
}
