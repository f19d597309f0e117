import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { alterTable, renamedLocks, rollback, step } from '../step-builders.js';

/** `ALTER TABLE ... RENAME TO`: a catalog update under a brief ACCESS EXCLUSIVE lock. */
export const renameTable: Operation<'renameTable'> = {
  kind: 'renameTable',
  plan: (change) => ({
    steps: [
      step({
        action: 'renameTable',
        summary: `rename table ${change.from} to ${change.table}`,
        sql: [alterTable(change.from, `RENAME TO ${quoteIdent(change.table)}`)],
        locks: renamedLocks(change.from, change.table, 'AccessExclusiveLock'),
        rollback: rollback(
          [alterTable(change.table, `RENAME TO ${quoteIdent(change.from)}`)],
          renamedLocks(change.table, change.from, 'AccessExclusiveLock'),
        ),
      }),
    ],
  }),
};
