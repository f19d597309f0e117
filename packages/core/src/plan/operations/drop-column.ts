import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { alterTable, locks, step } from '../step-builders.js';
import { stepRank } from '../step-rank.js';

/**
 * `DROP COLUMN`, in `contract`: a catalog update (the space is reclaimed later by writes and
 * VACUUM), under a brief ACCESS EXCLUSIVE lock. Irreversible: the values are gone.
 */
export const dropColumn: Operation<'dropColumn'> = {
  kind: 'dropColumn',
  plan: (change) => ({
    steps: [
      step({
        phase: 'contract',
        rank: stepRank.dropColumn,
        summary: `drop column ${change.table}.${change.column.name} and its values`,
        sql: [alterTable(change.table, `DROP COLUMN ${quoteIdent(change.column.name)}`)],
        locks: locks(change.table, 'AccessExclusiveLock'),
      }),
    ],
  }),
};
