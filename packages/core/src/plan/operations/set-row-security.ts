import { rowSecuritySql } from '../../ddl/security-sql.js';
import { statementClaims } from '../../locks/statement-locks.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/**
 * `ALTER TABLE ... ENABLE` or `DISABLE ROW LEVEL SECURITY`: a catalog update under a brief
 * ACCESS EXCLUSIVE lock on the table alone (not its partitions). Enabling waits in `contract`
 * for every policy of the new schema (`stepPlacement`). A table with no policy at all was asked
 * for by name (the compiler refuses one otherwise, WES440, unless `preset: "system_only"`).
 */
export const setRowSecurity: Operation<'setRowSecurity'> = {
  kind: 'setRowSecurity',
  plan: (change) => {
    const claims = statementClaims('row-security', change.table);
    return {
      steps: [
        step({
          action: change.enabled ? 'enableRowSecurity' : 'relaxRowSecurity',
          summary: `${change.enabled ? 'enable' : 'disable'} row-level security on ${change.table}`,
          sql: [rowSecuritySql(change.table, change.enabled)],
          locks: claims,
          rollback: rollback([rowSecuritySql(change.table, !change.enabled)], claims),
        }),
      ],
    };
  },
};
