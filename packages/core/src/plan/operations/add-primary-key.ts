import { keyConstraintSteps } from '../key-constraint-steps.js';
import type { Operation } from '../operation.js';
import { isPartitioned } from '../schema-facts.js';

/**
 * A primary key on an existing table: its unique index built concurrently, then attached. The
 * attach runs in `validate`, after NOT NULL is proven on its columns, or PostgreSQL would scan
 * for NULLs under ACCESS EXCLUSIVE.
 */
export const addPrimaryKey: Operation<'addPrimaryKey'> = {
  kind: 'addPrimaryKey',
  plan: (change, context) => ({
    steps: keyConstraintSteps(
      {
        table: change.table,
        key: change.primaryKey,
        partitioned: isPartitioned(context.to, change.table),
        replaces: null,
      },
      context,
    ),
  }),
};
