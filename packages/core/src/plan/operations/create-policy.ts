import { createPolicySql, dropPolicySql } from '../../ddl/security-sql.js';
import { statementClaims } from '../../locks/statement-locks.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/** `CREATE POLICY`: a catalog update under a brief ACCESS EXCLUSIVE lock on the table alone (not its partitions). */
export const createPolicy: Operation<'createPolicy'> = {
  kind: 'createPolicy',
  plan: ({ table, policy }) => ({
    steps: [
      step({
        action: 'addPolicy',
        summary: `create policy ${policy.name} on ${table}`,
        sql: [createPolicySql(table, policy)],
        locks: statementClaims('create-policy', table),
        rollback: rollback([dropPolicySql(table, policy.name)], statementClaims('drop-policy', table)),
      }),
    ],
  }),
};
