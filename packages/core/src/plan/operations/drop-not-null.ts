import { statementClaims } from '../../locks/statement-locks.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { alterTable, rollback, step } from '../step-builders.js';

/**
 * `DROP NOT NULL`, in `expand`: relaxing a column is safe for the old code, and the new code
 * may write NULL once it is deployed. The rollback re-adds NOT NULL, which scans.
 */
export const dropNotNull: Operation<'dropNotNull'> = {
  kind: 'dropNotNull',
  plan: (change) => {
    const column = quoteIdent(change.column);
    return {
      steps: [
        step({
          action: 'dropNotNull',
          summary: `allow NULL in ${change.table}.${change.column}`,
          sql: [alterTable(change.table, `ALTER COLUMN ${column} DROP NOT NULL`)],
          locks: statementClaims('drop-not-null', change.table),
          rollback: rollback(
            [alterTable(change.table, `ALTER COLUMN ${column} SET NOT NULL`)],
            statementClaims('set-not-null', change.table),
          ),
        }),
      ],
    };
  },
};
