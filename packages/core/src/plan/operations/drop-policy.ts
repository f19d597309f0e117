import { createPolicySql, dropPolicySql } from '../../ddl/security-sql.js';
import { statementClaims } from '../../locks/statement-locks.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/**
 * `DROP POLICY`, in `contract` (the old code may rely on the rows it admits), after row-level
 * security is disabled where the new schema turns it off.
 */
export const dropPolicy: Operation<'dropPolicy'> = {
  kind: 'dropPolicy',
  plan: ({ table, policy }) => ({
    steps: [
      step({
        action: 'dropPolicy',
        summary: `drop policy ${policy.name} on ${table}`,
        sql: [dropPolicySql(table, policy.name)],
        locks: statementClaims('drop-policy', table),
        rollback: rollback([createPolicySql(table, policy)], statementClaims('create-policy', table)),
      }),
    ],
  }),
};
