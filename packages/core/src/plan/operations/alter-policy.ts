import { alterPolicySql, createPolicySql, dropPolicySql } from '../../ddl/security-sql.js';
import { statementClaims } from '../../locks/statement-locks.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/**
 * `ALTER POLICY ... TO ... USING ... WITH CHECK`: new roles or expressions in one catalog update
 * (brief ACCESS EXCLUSIVE on the table alone), so the policy is never missing. The diff makes
 * this change only when every expression the old policy has, the new one has too: `ALTER
 * POLICY` can set an expression, never remove one. So the undo is `ALTER POLICY` back, unless
 * the new policy gained an expression: then it drops and creates the old one in one transaction.
 */
export const alterPolicy: Operation<'alterPolicy'> = {
  kind: 'alterPolicy',
  plan: ({ table, from, to }) => {
    const claims = statementClaims('alter-policy', table);
    const gained = (to.using !== null && from.using === null) || (to.check !== null && from.check === null);
    const undo = gained
      ? rollback(
          [dropPolicySql(table, to.name), createPolicySql(table, from)],
          [...statementClaims('drop-policy', table), ...statementClaims('create-policy', table)],
        )
      : rollback([alterPolicySql(table, from)], claims);
    return {
      steps: [
        step({
          action: 'addPolicy',
          summary: `alter policy ${to.name} on ${table}`,
          sql: [alterPolicySql(table, to)],
          locks: claims,
          rollback: undo,
        }),
      ],
    };
  },
};
