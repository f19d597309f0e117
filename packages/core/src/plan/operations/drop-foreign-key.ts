import { dropConstraintStep } from '../drop-constraint-step.js';
import type { Operation } from '../operation.js';

/** Drops a foreign key in `contract`, or before the fills that need it gone (see `placeStep`). */
export const dropForeignKey: Operation<'dropForeignKey'> = {
  kind: 'dropForeignKey',
  plan: (change) => ({ steps: [dropConstraintStep(change.table, change.foreignKey)] }),
};
