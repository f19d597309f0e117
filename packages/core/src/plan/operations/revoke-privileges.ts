import { grantSql, revokeSql } from '../../ddl/security-sql.js';
import { statementClaims } from '../../locks/statement-locks.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/** `REVOKE`, in `contract` (the old code may still use the privilege): the locks of `GRANT`, which nothing waits for. */
export const revokePrivileges: Operation<'revokePrivileges'> = {
  kind: 'revokePrivileges',
  plan: ({ table, role, privileges }, { serverVersion }) => ({
    steps: [
      step({
        action: 'revokePrivileges',
        summary: `revoke ${privileges.join(', ')} on ${table} from ${role}`,
        sql: [revokeSql(table, role, privileges)],
        locks: statementClaims('grant', table, { serverVersion }),
        rollback: rollback([grantSql(table, role, privileges)], statementClaims('grant', table, { serverVersion })),
      }),
    ],
  }),
};
