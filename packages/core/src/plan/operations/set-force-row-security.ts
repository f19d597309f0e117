import { forceRowSecuritySql } from '../../ddl/security-sql.js';
import { statementClaims } from '../../locks/statement-locks.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/**
 * `ALTER TABLE ... FORCE` or `NO FORCE ROW LEVEL SECURITY`: whether the table's owner is
 * subject to its policies. A catalog update under a brief ACCESS EXCLUSIVE lock on the table
 * alone; forcing narrows what the owner sees, so it runs where enabling does (`contract`).
 */
export const setForceRowSecurity: Operation<'setForceRowSecurity'> = {
  kind: 'setForceRowSecurity',
  plan: (change) => {
    const claims = statementClaims('row-security', change.table);
    return {
      steps: [
        step({
          action: change.forced ? 'enableRowSecurity' : 'relaxRowSecurity',
          summary: `${change.forced ? 'force' : 'stop forcing'} row-level security on ${change.table}`,
          sql: [forceRowSecuritySql(change.table, change.forced)],
          locks: claims,
          rollback: rollback([forceRowSecuritySql(change.table, !change.forced)], claims),
        }),
      ],
    };
  },
};
