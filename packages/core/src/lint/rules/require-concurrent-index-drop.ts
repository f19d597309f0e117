import type { LintRule } from '../lint-rule.js';
import { relationSql } from '../relation-sql.js';

/** `DROP INDEX` without `CONCURRENTLY`: ACCESS EXCLUSIVE on the index's table, which waits for every query on it. */
export const requireConcurrentIndexDrop: LintRule = {
  id: 'require-concurrent-index-drop',
  code: 'WES303',
  help: 'drop it with DROP INDEX CONCURRENTLY (one index per statement, outside a transaction block)',
  hazard: 'blocking',
  check: (action, context) => {
    // An index of a partitioned table cannot be dropped concurrently: its plain drop is the only one.
    if (action.shape !== 'drop-index' || action.index === null || context.partitioned) return null;
    const ifExists = action.node.missing_ok === true ? 'IF EXISTS ' : '';
    return {
      message: `DROP INDEX ${action.index} takes ACCESS EXCLUSIVE on its table: reads and writes queue behind it`,
      fix: `DROP INDEX CONCURRENTLY ${ifExists}${relationSql(action.index)};`,
    };
  },
};
