import type { LintRule } from '../lint-rule.js';
import { onOnlyPattern } from './on-only-pattern.js';

/** `CREATE INDEX` without `CONCURRENTLY` on a table with rows: SHARE blocks every write for the whole build. */
export const requireConcurrentIndex: LintRule = {
  id: 'require-concurrent-index',
  code: 'WES302',
  help: 'build it with CREATE INDEX CONCURRENTLY, outside a transaction block (on a partitioned table: ON ONLY the parent, then each partition concurrently and ATTACH)',
  hazard: 'blocking',
  check: (action, context) => {
    if (action.shape !== 'create-index') return null;
    const message = `CREATE INDEX on ${action.table} takes SHARE for the whole build: writes wait until every row is read and sorted`;
    if (context.partitioned) return { message, fix: onOnlyPattern(context.sql) };
    return { message, fix: context.sql.trim().replace(/^(CREATE\s+(?:UNIQUE\s+)?INDEX)\b/i, '$1 CONCURRENTLY') };
  },
};
