import { statementClaims } from '../../locks/statement-locks.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { alterTable, rollback, step } from '../step-builders.js';

/** `RENAME COLUMN`: a catalog update; indexes, constraints and views follow the new name. */
export const renameColumn: Operation<'renameColumn'> = {
  kind: 'renameColumn',
  plan: (change) => {
    const exclusive = statementClaims('rename-column', change.table);
    return {
      steps: [
        step({
          action: 'renameColumn',
          summary: `rename column ${change.table}.${change.from} to ${change.to}`,
          sql: [alterTable(change.table, `RENAME COLUMN ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`)],
          locks: exclusive,
          rollback: rollback([alterTable(change.table, `RENAME COLUMN ${quoteIdent(change.to)} TO ${quoteIdent(change.from)}`)], exclusive),
        }),
      ],
    };
  },
};
