import { dropConstraintStep } from '../drop-constraint-step.js';
import type { Operation } from '../operation.js';

/** Drops a unique constraint in `contract`, or before the fills that need it gone (see `dropConstraintStep`). */
export const dropUnique: Operation<'dropUnique'> = {
  kind: 'dropUnique',
  plan: (change, context) => ({ steps: [dropConstraintStep(change.table, change.unique, context.dropsBeforeFills.has(change))] }),
};
