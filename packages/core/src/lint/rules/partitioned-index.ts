import type { LintRule } from '../lint-rule.js';
import { onOnlyPattern } from './on-only-pattern.js';

/** `CREATE INDEX CONCURRENTLY` on a partitioned table: PostgreSQL refuses it. */
export const partitionedIndex: LintRule = {
  id: 'partitioned-index',
  code: 'WES313',
  help: 'create the index ON ONLY the parent (no rows: brief), then on each partition CONCURRENTLY and ALTER INDEX ... ATTACH PARTITION',
  hazard: 'fails',
  check: (action, context) => {
    if (action.shape !== 'create-index-concurrently' || !context.partitioned) return null;
    return {
      message: `CREATE INDEX CONCURRENTLY cannot build an index on the partitioned table ${action.table}: PostgreSQL refuses it`,
      fix: onOnlyPattern(context.sql),
    };
  },
};
