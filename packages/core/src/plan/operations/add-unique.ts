import { keyConstraintSteps } from '../key-constraint-steps.js';
import type { Operation } from '../operation.js';
import { isPartitioned } from '../schema-facts.js';

/**
 * A unique constraint on an existing table: its index built concurrently, then attached with
 * `USING INDEX`, before any foreign key that references it.
 */
export const addUnique: Operation<'addUnique'> = {
  kind: 'addUnique',
  plan: (change, context) => ({
    steps: keyConstraintSteps(
      {
        table: change.table,
        key: change.unique,
        partitioned: isPartitioned(context.to, change.table),
        replaces: null,
      },
      context,
    ),
  }),
};
