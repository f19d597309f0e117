import { dropConstraintStep } from '../drop-constraint-step.js';
import type { Operation } from '../operation.js';

/** Drops a unique constraint in `contract`, or before the fills that need it gone (see `placeStep`). */
export const dropUnique: Operation<'dropUnique'> = {
  kind: 'dropUnique',
  plan: (change) => ({ steps: [dropConstraintStep(change.table, change.unique)] }),
};
