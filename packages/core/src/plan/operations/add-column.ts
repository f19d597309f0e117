import { statementClaims } from '../../locks/statement-locks.js';
import { columnDefinitionSql } from '../../ddl/column-definition-sql.js';
import { defaultSql } from '../../ddl/default-sql.js';
import { derivedColumnParts, derivedColumnSql, derivedValueSql, dropDerivedColumnSql } from '../../ddl/derived-column-sql.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import { backfillStep, noKeyWarning } from '../backfill-step.js';
import { hasVolatileDefault } from '../default-volatility.js';
import { notNullSteps } from '../not-null-steps.js';
import type { Operation, OperationResult, PlanContext, PlanIssue, StepDraft } from '../operation.js';
import { primaryKeyOf, tableIn } from '../schema-facts.js';
import { supports } from '../server-features.js';
import { alterTable, prefixParts, rollback, step } from '../step-builders.js';

/**
 * `ADD COLUMN`. With no default, or a non-volatile one on PostgreSQL 11+, it is a catalog
 * update (the default is stored once, not written to every row). A volatile default
 * (`gen_random_uuid()`) would rewrite the table under ACCESS EXCLUSIVE, so the column is added
 * bare with the default set for new rows, the old rows are backfilled in batches, and NOT NULL
 * comes last without a blocking scan. A generated column always rewrites, which blocks (`stepBlocking`).
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
    if (column.derived !== null) return derivedColumnSteps(change, context, add, undo);
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

/**
 * A derived column (`@wes_derived`): in one transaction the column (its default, the value of no
 * rows, makes it instant), its value and trigger functions and its triggers on the child, so that
 * from the commit on every child write keeps it; then a batched backfill of the rows that were
 * there. Each batch locks its parent rows (`FOR UPDATE`) before the value function computes each
 * one, with a snapshot of its own, so a batch that waited for a child writer's transaction counts
 * that writer's rows, and a writer that waited for the batch recomputes after it.
 */
function derivedColumnSteps(
  change: Parameters<Operation<'addColumn'>['plan']>[0],
  context: PlanContext,
  add: (sql: string, summary: string) => StepDraft,
  undo: NonNullable<StepDraft['rollback']>,
): OperationResult {
  const { table, column } = change;
  const parent = tableIn(context.to, table);
  const parts = parent === undefined ? null : derivedColumnParts(context.to, parent, column);
  if (parts === null || !supports(context.serverVersion, 'instantDefault')) {
    return {
      refusal: {
        code: 'WES427',
        message: `derived column ${table}.${column.name} cannot be added here: its child table or key is missing, or the server adds no column instantly`,
        help: 'add it with a hand-written SQL migration (its trigger functions are in schema.sql)',
      },
    };
  }
  const child = parts.child.name;
  const columnStep = add(alterTable(table, `ADD COLUMN ${columnDefinitionSql(column)}`), '');
  const withTriggers: StepDraft = {
    ...columnStep,
    summary: `add derived column ${table}.${column.name} (${parts.derived.fn} over ${child}) with its functions and triggers on ${child}`,
    sql: [...columnStep.sql, ...derivedColumnSql(parts)],
    // CREATE FUNCTION of the SQL value function parses its body (check_function_bodies), which
    // takes ACCESS SHARE on the child it reads (measured on 15 and 18).
    locks: [...columnStep.locks, { relation: child, mode: 'AccessShareLock' }, ...statementClaims('create-trigger', child)],
    rollback: {
      ...undo,
      sql: [...dropDerivedColumnSql(parts), ...undo.sql],
      locks: [...statementClaims('drop-trigger', child), ...undo.locks],
    },
  };
  const key = primaryKeyOf(context.to, table);
  const fill = backfillStep(
    table,
    key,
    `${quoteIdent(column.name)} = ${derivedValueSql(parts, `${quoteIdent(table)}.${quoteIdent(parts.parentKey.name)}`)}`,
    {
      batchSize: context.batchSize,
      action: 'fillDefault',
      summary: `compute ${table}.${column.name} of existing rows from ${child}`,
    },
  );
  // The value function reads the child.
  const backfill: StepDraft = { ...fill, locks: [...fill.locks, { relation: child, mode: 'AccessShareLock' }] };
  return { steps: [withTriggers, backfill], warnings: key.length === 0 ? [noKeyWarning(table)] : [] };
}
