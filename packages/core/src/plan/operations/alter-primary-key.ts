import { keyConstraintSteps } from '../key-constraint-steps.js';
import type { Operation } from '../operation.js';
import { isPartitioned } from '../schema-facts.js';

/**
 * A primary key on new columns: the new index is built concurrently beside the old one, then
 * one statement drops the old key and attaches the new index, after NOT NULL on its columns.
 */
export const alterPrimaryKey: Operation<'alterPrimaryKey'> = {
  kind: 'alterPrimaryKey',
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
