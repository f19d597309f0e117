import { dropConstraintStep } from '../drop-constraint-step.js';
import type { Operation } from '../operation.js';

/** Drops a check constraint in `expand`, before the fills (see `stepPlacement`). */
export const dropCheck: Operation<'dropCheck'> = {
  kind: 'dropCheck',
  plan: (change) => ({ steps: [dropConstraintStep(change.table, change.check)] }),
};
