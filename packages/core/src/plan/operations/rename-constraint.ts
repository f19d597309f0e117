import { statementClaims } from '../../locks/statement-locks.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { alterTable, rollback, step } from '../step-builders.js';

/**
 * `RENAME CONSTRAINT` (a primary key or unique constraint's index follows): a catalog update.
 * A table rename leaves `<old>_pkey` behind; renaming beats rebuilding the index.
 */
export const renameConstraint: Operation<'renameConstraint'> = {
  kind: 'renameConstraint',
  plan: (change) => {
    const exclusive = statementClaims('rename-constraint', change.table);
    const rename = (from: string, to: string) => alterTable(change.table, `RENAME CONSTRAINT ${quoteIdent(from)} TO ${quoteIdent(to)}`);
    return {
      steps: [
        step({
          action: 'renameConstraint',
          summary: `rename constraint ${change.from} of ${change.table} to ${change.to}`,
          sql: [rename(change.from, change.to)],
          locks: exclusive,
          rollback: rollback([rename(change.to, change.from)], exclusive),
        }),
      ],
    };
  },
};
