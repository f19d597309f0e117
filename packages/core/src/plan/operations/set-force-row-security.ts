import { forceRowSecuritySql } from '../../ddl/security-sql.js';
import type { Operation } from '../operation.js';
import { rowSecurityStep } from '../row-security-step.js';

/**
 * `ALTER TABLE ... FORCE` or `NO FORCE ROW LEVEL SECURITY`: whether the table's owner is
 * subject to its policies. A catalog update under a brief ACCESS EXCLUSIVE lock on the table
 * alone; forcing narrows what the owner sees, so it runs where enabling does (`contract`).
 */
export const setForceRowSecurity: Operation<'setForceRowSecurity'> = {
  kind: 'setForceRowSecurity',
  plan: ({ table, forced }) => ({
    steps: [rowSecurityStep(table, forced, `${forced ? 'force' : 'stop forcing'} row-level security on ${table}`, forceRowSecuritySql)],
  }),
};
