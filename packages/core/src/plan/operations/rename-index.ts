import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/**
 * `ALTER INDEX ... RENAME`: locks only the index (SHARE UPDATE EXCLUSIVE from PostgreSQL 12),
 * not its table, so reads and writes go on.
 */
export const renameIndex: Operation<'renameIndex'> = {
  kind: 'renameIndex',
  plan: (change) => {
    const rename = (from: string, to: string) => `ALTER INDEX ${quoteIdent(from)} RENAME TO ${quoteIdent(to)};`;
    return {
      steps: [
        step({
          action: 'renameIndex',
          summary: `rename index ${change.from} of ${change.table} to ${change.to}`,
          sql: [rename(change.from, change.to)],
          locks: [],
          rollback: rollback([rename(change.to, change.from)], []),
        }),
      ],
    };
  },
};
