import { createPolicySql, dropPolicySql } from '../../ddl/security-sql.js';
import { statementClaims } from '../../locks/statement-locks.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/**
 * A policy whose command or `AS` changes, or that loses an expression: `DROP POLICY` and
 * `CREATE POLICY` in one transaction, so no session sees the table without it. Both statements
 * lock the table alone (ACCESS SHARE and ACCESS EXCLUSIVE), for as long as the catalog update.
 */
export const replacePolicy: Operation<'replacePolicy'> = {
  kind: 'replacePolicy',
  plan: ({ table, from, to }) => {
    const claims = [...statementClaims('drop-policy', table), ...statementClaims('create-policy', table)];
    return {
      steps: [
        step({
          action: 'addPolicy',
          summary: `replace policy ${to.name} on ${table}`,
          sql: [dropPolicySql(table, from.name), createPolicySql(table, to)],
          locks: claims,
          rollback: rollback([dropPolicySql(table, to.name), createPolicySql(table, from)], claims),
        }),
      ],
    };
  },
};
