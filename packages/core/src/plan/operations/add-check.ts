import { checkSteps } from '../check-steps.js';
import type { Operation } from '../operation.js';

/** A CHECK constraint: `NOT VALID`, then `VALIDATE` (see `checkSteps`). */
export const addCheck: Operation<'addCheck'> = {
  kind: 'addCheck',
  plan: (change) => ({ steps: checkSteps(change.table, change.check, null) }),
};
