import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { locks, step } from '../step-builders.js';
import { stepRank } from '../step-rank.js';

/**
 * `DROP TABLE`, in `contract`, after the foreign keys that pointed at it. Its own foreign keys
 * go with it, which takes ACCESS EXCLUSIVE on the tables they reference (their triggers are
 * dropped). Irreversible: the rows are gone.
 */
export const dropTable: Operation<'dropTable'> = {
  kind: 'dropTable',
  plan: (change) => ({
    steps: [
      step({
        phase: 'contract',
        rank: stepRank.dropTable,
        summary: `drop table ${change.table} and its rows`,
        sql: [`DROP TABLE ${quoteIdent(change.table)};`],
        locks: locks([change.table, ...change.references], 'AccessExclusiveLock'),
      }),
    ],
  }),
};
