import { rowSecuritySql } from '../../ddl/security-sql.js';
import type { Operation } from '../operation.js';
import { rowSecurityStep } from '../row-security-step.js';

/**
 * `ALTER TABLE ... ENABLE` or `DISABLE ROW LEVEL SECURITY`: a catalog update under a brief
 * ACCESS EXCLUSIVE lock on the table alone (not its partitions). Enabling waits in `contract`
 * for every policy of the new schema (`stepPlacement`). A table with no policy at all was asked
 * for by name (the compiler refuses one otherwise, WES440, unless `preset: "system_only"`).
 */
export const setRowSecurity: Operation<'setRowSecurity'> = {
  kind: 'setRowSecurity',
  plan: ({ table, enabled }) => ({
    steps: [rowSecurityStep(table, enabled, `${enabled ? 'enable' : 'disable'} row-level security on ${table}`, rowSecuritySql)],
  }),
};
