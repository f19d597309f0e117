import { quoteIdent } from '../../naming/quote-ident.js';
import { backfillStep, noKeyWarning } from '../backfill-step.js';
import { notNullSteps } from '../not-null-steps.js';
import type { Operation, OperationResult } from '../operation.js';
import { hasDefault, primaryKeyOf } from '../schema-facts.js';

/**
 * NOT NULL on an existing column, proven without a scan under ACCESS EXCLUSIVE (see
 * `notNullSteps`). When the column has a default in the new schema, rows holding NULL are set
 * to it first, in batches, so the validation finds none.
 */
export const setNotNull: Operation<'setNotNull'> = {
  kind: 'setNotNull',
  plan: (change, context): OperationResult => {
    const { table, column } = change;
    const notNull = notNullSteps(table, column, context.serverVersion);
    if (!hasDefault(context.to, table, column)) return { steps: notNull };
    const key = primaryKeyOf(context.to, table);
    const name = quoteIdent(column);
    // `DEFAULT` is the new default: the alterDefault step sets it in the expand phase.
    const filled = backfillStep(table, key, `${name} = DEFAULT`, {
      batchSize: context.batchSize,
      action: 'fillDefault',
      summary: `set ${table}.${column} to its default where it holds NULL`,
      onlyWhere: `${quoteIdent(table)}.${name} IS NULL`,
    });
    // Irreversible: once set, nothing tells which rows held NULL (a down plan would leave the defaults).
    const fill = { ...filled, reversible: false, rollback: null };
    return { steps: [fill, ...notNull], warnings: key.length === 0 ? [noKeyWarning(table)] : [] };
  },
};
