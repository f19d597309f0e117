import { columnDefinitionSql } from '../../ddl/column-definition-sql.js';
import { defaultSql } from '../../ddl/default-sql.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { dependentsOf } from '../schema-facts.js';
import { supports } from '../server-features.js';
import { alterTable, locks, step } from '../step-builders.js';

/**
 * Generated expression changes. Turning a generated column into a plain one keeps its values
 * and is a catalog update (`DROP EXPRESSION`, PostgreSQL 13+). Any new expression rewrites the
 * table under ACCESS EXCLUSIVE: `SET EXPRESSION` on PostgreSQL 17+, otherwise the column is
 * dropped and added again (it moves to the end of the table), which is refused (WES102) when
 * constraints or indexes use the column, since the drop would take them too. Both block (`stepBlocking`).
 */
export const alterGenerated: Operation<'alterGenerated'> = {
  kind: 'alterGenerated',
  plan: (change, context) => {
    const { table, to } = change;
    const column = quoteIdent(to.name);
    const exclusive = locks(table, 'AccessExclusiveLock');
    if (to.generated === null) {
      if (!supports(context.serverVersion, 'dropExpression')) {
        return {
          refusal: {
            code: 'WES102',
            message: `${table}.${to.name} stops being generated; PostgreSQL before 13 cannot drop a column's generation expression`,
            help: 'upgrade to PostgreSQL 13 or later, or add a new plain column, copy the values, and drop the old one',
          },
        };
      }
      // The plain column's default, if any: the diff leaves it to this step (see diffColumns).
      const fallback = defaultSql(to);
      const setDefault = fallback === null ? [] : [alterTable(table, `ALTER COLUMN ${column} SET DEFAULT ${fallback}`)];
      return {
        steps: [
          step({
            action: 'alterColumn',
            summary: `make ${table}.${to.name} a plain column, keeping its values${fallback === null ? '' : `, with default ${fallback}`}`,
            sql: [alterTable(table, `ALTER COLUMN ${column} DROP EXPRESSION`), ...setDefault],
            locks: exclusive,
            reversible: false,
          }),
        ],
      };
    }
    // A rewrite rebuilds the indexes under SHARE, which it takes on a table without any too (measured on 15 and 18).
    const rewriteLocks = [...exclusive, ...locks(table, 'ShareLock')];
    const dependents = dependentsOf(context.to, table, to.name);
    const inPlace = change.from.generated !== null && supports(context.serverVersion, 'setExpression');
    if (!inPlace && dependents.length > 0) {
      // DROP COLUMN would silently take these with it, and ADD COLUMN does not bring them back.
      return {
        refusal: {
          code: 'WES102',
          message: `the new expression of ${table}.${to.name} needs the column dropped and added again, but ${dependents.join(', ')} use${dependents.length === 1 ? 's' : ''} it`,
          help: 'drop those constraints and indexes in one migration, change the expression in the next, then add them back (or use PostgreSQL 17+, where SET EXPRESSION keeps them)',
        },
      };
    }
    const sql = inPlace
      ? alterTable(table, `ALTER COLUMN ${column} SET EXPRESSION AS (${to.generated})`)
      : alterTable(table, `DROP COLUMN ${column}`, `ADD COLUMN ${columnDefinitionSql(to)}`);
    return {
      steps: [
        step({
          action: 'alterColumn',
          summary: `recompute ${table}.${to.name} from its new expression (rewrites the table)`,
          sql: [sql],
          locks: rewriteLocks,
          rewrites: true,
          reversible: false,
          alternative: 'compute the value in a new plain column filled in batches, or run it in a maintenance window',
        }),
      ],
    };
  },
};
