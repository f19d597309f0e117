import { keyConstraintSteps } from '../key-constraint-steps.js';
import type { Operation } from '../operation.js';
import { isPartitioned } from '../schema-facts.js';

/**
 * A unique constraint on new columns: the new index is built beside the old one, then one
 * statement drops the old constraint and attaches the new index.
 */
export const alterUnique: Operation<'alterUnique'> = {
  kind: 'alterUnique',
  plan: (change, context) => ({
    steps: keyConstraintSteps(
      {
        table: change.table,
        key: change.to,
        partitioned: isPartitioned(context.to, change.table),
        replaces: change.from,
      },
      context,
    ),
  }),
};
