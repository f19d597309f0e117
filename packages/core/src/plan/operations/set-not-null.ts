import { notNullSteps } from '../not-null-steps.js';
import type { Operation } from '../operation.js';

/** NOT NULL on an existing column, proven without a scan under ACCESS EXCLUSIVE (see `notNullSteps`). */
export const setNotNull: Operation<'setNotNull'> = {
  kind: 'setNotNull',
  plan: (change, context) => notNullSteps(change.table, change.column, context.serverVersion),
};
