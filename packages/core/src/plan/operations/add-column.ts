import { statementClaims } from '../../locks/statement-locks.js';
import { columnDefinitionSql } from '../../ddl/column-definition-sql.js';
import { defaultSql } from '../../ddl/default-sql.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import { backfillStep, noKeyWarning } from '../backfill-step.js';
import { hasVolatileDefault } from '../default-volatility.js';
import { notNullSteps } from '../not-null-steps.js';
import type { Operation, OperationResult, PlanIssue } from '../operation.js';
import { primaryKeyOf } from '../schema-facts.js';
import { supports } from '../server-features.js';
import { alterTable, prefixParts, rollback, step } from '../step-builders.js';

/**
 * `ADD COLUMN`. With no default, or a non-volatile one on PostgreSQL 11+, it is a catalog
 * update (the default is stored once, not written to every row). A volatile default
 * (`gen_random_uuid()`) would rewrite the table under ACCESS EXCLUSIVE, so the column is added
 * bare with the default set for new rows, the old rows are backfilled in batches, and NOT NULL
 * comes last without a blocking scan. A generated column always rewrites, which blocks (`stepBlocking`).
 * A derived column is added with its default, the value of no rows; its triggers and values
 * are the `alterDerived` change's.
 */
export const addColumn: Operation<'addColumn'> = {
  kind: 'addColumn',
  plan: (change, context): OperationResult => {
    const { table, column } = change;
    const name = quoteIdent(column.name);
    if (!column.nullable && column.default === null && column.generated === null) {
      return {
        refusal: {
          code: 'WES103',
          message: `new column ${table}.${column.name} is NOT NULL without a default: adding it fails as soon as the table has a row`,
          help: 'give it a default with @wes_default, or add it nullable, fill it, then make it required in a later migration',
        },
      };
    }
    const undo = rollback([alterTable(table, `DROP COLUMN IF EXISTS ${name}`)], statementClaims('drop-column', table));
    const add = (sql: string, summary: string, rewrites = false) =>
      step({
        part: 'add',
        action: 'addColumn',
        summary,
        sql: [sql],
        locks: statementClaims(rewrites ? 'add-column-rewrite' : 'add-column', table),
        rewrites,
        rollback: undo,
        ...(rewrites ? { alternative: 'add a plain column filled by the application instead, or run it in a maintenance window' } : {}),
      });
    if (column.generated !== null) {
      return {
        steps: [
          add(
            alterTable(table, `ADD COLUMN ${columnDefinitionSql(column)}`),
            `add generated column ${table}.${column.name} (rewrites the table)`,
            true,
          ),
        ],
      };
    }
    const fallback = defaultSql(column);
    const instant = fallback === null || (!hasVolatileDefault(column) && supports(context.serverVersion, 'instantDefault'));
    if (instant) {
      return { steps: [add(alterTable(table, `ADD COLUMN ${columnDefinitionSql(column)}`), `add column ${table}.${column.name}`)] };
    }
    const key = primaryKeyOf(context.to, table);
    const bare = alterTable(table, `ADD COLUMN ${name} ${column.type.sql}`, `ALTER COLUMN ${name} SET DEFAULT ${fallback}`);
    const steps = [
      add(bare, `add column ${table}.${column.name} without rewriting; new rows get the default`),
      backfillStep(table, key, `${name} = DEFAULT`, {
        batchSize: context.batchSize,
        action: 'fillDefault',
        summary: `fill ${table}.${column.name} of existing rows with its default`,
        onlyWhere: `${quoteIdent(table)}.${name} IS NULL`,
      }),
    ];
    const warnings: PlanIssue[] = [];
    if (key.length === 0) warnings.push(noKeyWarning(table));
    if (!column.nullable) {
      const notNull = notNullSteps(table, column.name, context.serverVersion);
      steps.push(...prefixParts('not-null', notNull));
    }
    return { steps, warnings };
  },
};
