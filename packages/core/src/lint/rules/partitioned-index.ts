import type { LintRule } from '../lint-rule.js';
import { onOnlyPattern } from './on-only-pattern.js';

/** `CREATE INDEX CONCURRENTLY` or `DROP INDEX CONCURRENTLY` on a partitioned table: PostgreSQL refuses both. */
export const partitionedIndex: LintRule = {
  id: 'partitioned-index',
  code: 'WES313',
  help: 'create the index ON ONLY the parent (no rows: brief), then on each partition CONCURRENTLY and ALTER INDEX ... ATTACH PARTITION',
  hazard: 'fails',
  check: (action, context) => {
    if (!context.partitioned) return null;
    if (action.shape === 'drop-index-concurrently') {
      return {
        message: `DROP INDEX CONCURRENTLY cannot drop ${action.index ?? 'an index'} of the partitioned table ${action.table}: PostgreSQL refuses it`,
        fix: null,
      };
    }
    if (action.shape !== 'create-index-concurrently') return null;
    return {
      message: `CREATE INDEX CONCURRENTLY cannot build an index on the partitioned table ${action.table}: PostgreSQL refuses it`,
      fix: onOnlyPattern(context.sql),
    };
  },
};
