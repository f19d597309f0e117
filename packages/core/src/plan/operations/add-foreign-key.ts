import { foreignKeySteps } from '../foreign-key-steps.js';
import type { Operation } from '../operation.js';

/** A foreign key: `NOT VALID`, then `VALIDATE` (see `foreignKeySteps`). */
export const addForeignKey: Operation<'addForeignKey'> = {
  kind: 'addForeignKey',
  plan: (change, context) =>
    foreignKeySteps(
      { table: change.table, foreignKey: change.foreignKey, replaces: null, newTable: change.newTable, partitioned: change.partitioned },
      context,
    ),
};
