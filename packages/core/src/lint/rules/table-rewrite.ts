import { statementLocks, type StatementShape } from '../../locks/statement-locks.js';
import type { LintRule } from '../lint-rule.js';

/** The shapes that write the whole table again; a materialized view's refresh has its own message and fix. */
const rewrites: ReadonlySet<StatementShape> = new Set(['vacuum-full', 'cluster', 'set-tablespace', 'set-logged']);

/** `VACUUM FULL`, `CLUSTER`, `SET TABLESPACE`, `SET LOGGED/UNLOGGED`, `REFRESH MATERIALIZED VIEW`: the whole table written again under ACCESS EXCLUSIVE. */
export const tableRewrite: LintRule = {
  id: 'table-rewrite',
  code: 'WES311',
  help: 'run it in a maintenance window, or use an online tool (pg_repack, pg_squeeze); a materialized view with a unique index refreshes CONCURRENTLY',
  hazard: 'blocking',
  check: (action, context) => {
    if (action.shape === 'refresh-materialized-view') {
      // Its query holds ACCESS SHARE on what it reads, which only the catalog knows.
      const reads =
        context.reads === null
          ? 'the tables its query reads are held ACCESS SHARE too (not known without a database)'
          : context.reads.length === 0
            ? 'its query reads no table'
            : `${context.reads.join(', ')} held ACCESS SHARE while its query runs`;
      return {
        message: `REFRESH MATERIALIZED VIEW rewrites ${action.table} under ACCESS EXCLUSIVE: reads wait; ${reads}`,
        fix: context.sql.trim().replace(/^(REFRESH\s+MATERIALIZED\s+VIEW)\b/i, '$1 CONCURRENTLY'),
      };
    }
    if (!rewrites.has(action.shape)) return null;
    return {
      message: `${statementLocks[action.shape].statement} rewrites ${action.table} under ACCESS EXCLUSIVE: reads and writes wait`,
      fix: null,
    };
  },
};
