import { statementClaims } from '../../locks/statement-locks.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation, OperationResult } from '../operation.js';
import { shadowedRenameRefusal } from '../shadowed-rename.js';
import { alterTable, step } from '../step-builders.js';

/**
 * `DROP COLUMN`, in `contract`: a catalog update (the space is reclaimed later by writes and
 * VACUUM), under a brief ACCESS EXCLUSIVE lock. Irreversible: the values are gone. Refused when
 * a `@wes_renamed` meant it as a rename that cannot be honoured (see `shadowedRenameRefusal`).
 */
export const dropColumn: Operation<'dropColumn'> = {
  kind: 'dropColumn',
  plan: (change): OperationResult => {
    const { table, column } = change;
    if (change.shadowedBy !== null) {
      return { refusal: shadowedRenameRefusal(`column ${table}.${change.shadowedBy}`, `column ${table}.${column.name}`) };
    }
    return {
      steps: [
        step({
          action: 'dropColumn',
          summary: `drop column ${table}.${column.name} and its values`,
          sql: [alterTable(table, `DROP COLUMN ${quoteIdent(column.name)}`)],
          locks: statementClaims('drop-column', table),
        }),
      ],
    };
  },
};
