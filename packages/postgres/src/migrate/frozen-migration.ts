import type { LedgerMigration, LedgerStep } from './ledger.js';

/**
 * `true` when a migration's file must no longer change: it was applied, or a run committed part
 * of it (a ledger step row: a SQL file's committed statements, a plan's step). A migration that
 * failed before committing anything (a syntax error in its first statements) is not: fixing the
 * file and running again is how such a mistake is put right. Nor is a rolled-back one (`wesley
 * migrate rollback`): nothing of it is left, so it may be replaced by a plan made again.
 */
export function isFrozen(entry: LedgerMigration, steps: ReadonlyMap<string, LedgerStep>): boolean {
  if (entry.status === 'rolled-back') return false;
  return entry.status === 'applied' || steps.size > 0;
}
