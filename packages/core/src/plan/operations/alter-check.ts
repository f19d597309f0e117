import { checkSteps } from '../check-steps.js';
import type { Operation } from '../operation.js';

/** A CHECK redefined under the same name: swapped in one statement, then validated. */
export const alterCheck: Operation<'alterCheck'> = {
  kind: 'alterCheck',
  plan: (change) => ({ steps: checkSteps(change.table, change.to, change.from) }),
};
