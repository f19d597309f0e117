import { dropConstraintStep } from '../drop-constraint-step.js';
import type { Operation } from '../operation.js';

/** Drops a primary key in `contract` (see `stepPlacement`). */
export const dropPrimaryKey: Operation<'dropPrimaryKey'> = {
  kind: 'dropPrimaryKey',
  plan: (change) => ({ steps: [dropConstraintStep(change.table, change.primaryKey)] }),
};
