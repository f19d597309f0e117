import { foreignKeySteps } from '../foreign-key-steps.js';
import type { Operation } from '../operation.js';
import { isPartitioned } from '../schema-facts.js';

/** A foreign key: `NOT VALID`, then `VALIDATE` (see `foreignKeySteps`). */
export const addForeignKey: Operation<'addForeignKey'> = {
  kind: 'addForeignKey',
  plan: (change, context) => ({
    steps: foreignKeySteps({
      table: change.table,
      foreignKey: change.foreignKey,
      replaces: null,
      newTable: context.createdTables.has(change.table),
      partitioned: isPartitioned(context.to, change.table),
      serverVersion: context.serverVersion,
    }),
  }),
};
