import { statementClaims } from '../../locks/statement-locks.js';
import { defaultSql } from '../../ddl/default-sql.js';
import type { ColumnIR } from '../../ir/types.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { alterTable, rollback, step } from '../step-builders.js';

/**
 * `SET DEFAULT` / `DROP DEFAULT`: catalog updates, applying to rows inserted from then on. A new
 * or changed default goes in `expand` (the new code may rely on it); removing one goes in
 * `contract`, since the old code may still insert without the column (`stepPlacement`).
 */
export const alterDefault: Operation<'alterDefault'> = {
  kind: 'alterDefault',
  plan: (change) => {
    const exclusive = statementClaims('alter-column-default', change.table);
    const set = (column: ColumnIR) => {
      const value = defaultSql(column);
      const clause = value === null ? 'DROP DEFAULT' : `SET DEFAULT ${value}`;
      return alterTable(change.table, `ALTER COLUMN ${quoteIdent(column.name)} ${clause}`);
    };
    const removed = change.to.default === null;
    return {
      steps: [
        step({
          action: removed ? 'dropDefault' : 'setDefault',
          summary: removed
            ? `drop the default of ${change.table}.${change.to.name}`
            : `set the default of ${change.table}.${change.to.name}`,
          sql: [set(change.to)],
          locks: exclusive,
          rollback: rollback([set({ ...change.from, name: change.to.name, type: change.to.type })], exclusive),
        }),
      ],
    };
  },
};
