import { statementClaims } from '../locks/statement-locks.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { StepDraft } from './operation.js';
import { alterTable, step } from './step-builders.js';

/**
 * `VALIDATE CONSTRAINT`: scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and
 * writes go on (only other schema changes and VACUUM wait). For a foreign key the referenced
 * table is read too, under ROW SHARE. Nothing to roll back: validation only sets a flag.
 */
export function validateStep(table: string, constraint: string, referenced: string | null = null): StepDraft {
  const claims =
    referenced === null ? statementClaims('validate-check', table) : statementClaims('validate-foreign-key', table, { referenced });
  return step({
    part: 'validate',
    action: 'validate',
    summary: `validate ${constraint} on ${table} without blocking writes`,
    sql: [alterTable(table, `VALIDATE CONSTRAINT ${quoteIdent(constraint)}`)],
    locks: claims,
    scans: true,
    rollback: { sql: [], transactional: true, locks: [] },
  });
}
