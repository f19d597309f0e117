import { notNullSteps } from '../../plan/not-null-steps.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import { supports } from '../../plan/server-features.js';
import type { LintRule } from '../lint-rule.js';
import { innerNode, nameList } from '../node-fields.js';
import { relationBaseName, relationSql } from '../relation-sql.js';

/**
 * `SET NOT NULL` (or a validated `ADD CONSTRAINT ... NOT NULL`) on a column of a table with
 * rows: every row is read under ACCESS EXCLUSIVE. The fix is the planner's own pattern
 * (`notNullSteps`): NOT NULL ... NOT VALID and VALIDATE on 18, the CHECK dance on 12-17.
 */
export const setNotNullScan: LintRule = {
  id: 'set-not-null-scan',
  code: 'WES306',
  help: 'prove it first without blocking: on PostgreSQL 18 ADD CONSTRAINT ... NOT NULL col NOT VALID then VALIDATE; on 12-17 a CHECK (col IS NOT NULL) NOT VALID, VALIDATE, then SET NOT NULL (no scan) and drop the check',
  hazard: 'blocking',
  check: (action, context) => {
    if (action.shape !== 'set-not-null') return null;
    const column = typeof action.node.name === 'string' ? action.node.name : nameList(innerNode(action.node.def).keys)[0];
    if (column === undefined || (context.provenNotNull(column) && supports(context.serverVersion, 'notNullFromCheck'))) return null;
    const message = `SET NOT NULL on ${action.table}.${column} reads every row under ACCESS EXCLUSIVE: reads and writes wait`;
    if (!supports(context.serverVersion, 'notNullFromCheck')) return { message, fix: null };
    // The planner writes `ALTER TABLE "<table>"` for a table of the search path; here the table keeps its schema.
    const planned = `ALTER TABLE ${quoteIdent(relationBaseName(action.table))} `;
    const steps = notNullSteps(relationBaseName(action.table), column, context.serverVersion);
    const fix = steps.flatMap((step) => step.sql.map((sql) => `ALTER TABLE ${relationSql(action.table)} ${sql.slice(planned.length)}`));
    return { message, fix: fix.join('\n') };
  },
};
