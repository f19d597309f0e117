import { foreignKeySteps } from '../foreign-key-steps.js';
import type { Operation } from '../operation.js';
import { isPartitioned } from '../schema-facts.js';

/**
 * A foreign key redefined under the same name (columns, target, actions, deferrability): the
 * old key is dropped and the new one added `NOT VALID` in one statement, so writes are never
 * unchecked, then validated.
 */
export const alterForeignKey: Operation<'alterForeignKey'> = {
  kind: 'alterForeignKey',
  plan: (change, context) => ({
    steps: foreignKeySteps({
      table: change.table,
      foreignKey: change.to,
      replaces: change.from,
      newTable: false,
      partitioned: isPartitioned(context.to, change.table),
      serverVersion: context.serverVersion,
    }),
  }),
};
