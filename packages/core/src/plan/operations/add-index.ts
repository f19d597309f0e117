import { indexBuildSteps } from '../index-steps.js';
import type { Operation } from '../operation.js';
import { isPartitioned } from '../schema-facts.js';

/** An index built without blocking writes (see `indexBuildSteps`). */
export const addIndex: Operation<'addIndex'> = {
  kind: 'addIndex',
  plan: (change, context) => ({
    steps: indexBuildSteps({ table: change.table, index: change.index, partitioned: isPartitioned(context.to, change.table) }),
  }),
};
