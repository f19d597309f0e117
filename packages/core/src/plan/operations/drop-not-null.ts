import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { alterTable, locks, rollback, step } from '../step-builders.js';

/**
 * `DROP NOT NULL`, in `expand`: relaxing a column is safe for the old code, and the new code
 * may write NULL once it is deployed. The rollback re-adds NOT NULL, which scans.
 */
export const dropNotNull: Operation<'dropNotNull'> = {
  kind: 'dropNotNull',
  plan: (change) => {
    const column = quoteIdent(change.column);
    const exclusive = locks(change.table, 'AccessExclusiveLock');
    return {
      steps: [
        step({
          action: 'dropNotNull',
          summary: `allow NULL in ${change.table}.${change.column}`,
          sql: [alterTable(change.table, `ALTER COLUMN ${column} DROP NOT NULL`)],
          locks: exclusive,
          rollback: rollback([alterTable(change.table, `ALTER COLUMN ${column} SET NOT NULL`)], exclusive),
        }),
      ],
    };
  },
};
