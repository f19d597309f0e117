import { statementClaims } from '../../locks/statement-locks.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation, OperationResult } from '../operation.js';
import { shadowedRenameRefusal } from '../shadowed-rename.js';
import { step } from '../step-builders.js';

/**
 * `DROP TABLE`, in `contract`, after the foreign keys that pointed at it. Its own foreign keys
 * go with it, which takes ACCESS EXCLUSIVE on the tables they reference (their triggers are
 * dropped). Irreversible: the rows are gone. Refused when a `@wes_renamed` meant it as a rename
 * that cannot be honoured (see `shadowedRenameRefusal`).
 */
export const dropTable: Operation<'dropTable'> = {
  kind: 'dropTable',
  plan: (change): OperationResult => {
    if (change.shadowedBy !== null) return { refusal: shadowedRenameRefusal(`table ${change.shadowedBy}`, `table ${change.table}`) };
    return {
      steps: [
        step({
          action: 'dropTable',
          summary: `drop table ${change.table} and its rows`,
          sql: [`DROP TABLE ${quoteIdent(change.table)};`],
          locks: statementClaims('drop-table', change.table, { referenced: change.references }),
        }),
      ],
    };
  },
};
