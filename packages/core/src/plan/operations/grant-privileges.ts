import { grantSql, revokeSql } from '../../ddl/security-sql.js';
import { statementClaims } from '../../locks/statement-locks.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/** `GRANT`: an update of the table's catalog row; no lock on the table before PostgreSQL 18, ACCESS SHARE from 18 on: nothing waits for it. */
export const grantPrivileges: Operation<'grantPrivileges'> = {
  kind: 'grantPrivileges',
  plan: ({ table, role, privileges }, { serverVersion }) => ({
    steps: [
      step({
        action: 'grantPrivileges',
        summary: `grant ${privileges.join(', ')} on ${table} to ${role}`,
        sql: [grantSql(table, role, privileges)],
        locks: statementClaims('grant', table, { serverVersion }),
        rollback: rollback([revokeSql(table, role, privileges)], statementClaims('grant', table, { serverVersion })),
      }),
    ],
  }),
};
