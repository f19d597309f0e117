import { createIndexStatement } from '../../ddl/create-index-sql.js';
import { derivedName } from '../../naming/name-allocator.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import { indexBuildSteps } from '../index-steps.js';
import type { Operation } from '../operation.js';
import { isPartitioned } from '../schema-facts.js';
import { locks, rollback, scopedLocks, step } from '../step-builders.js';

/**
 * An index redefined under the same name: the new one is built concurrently under a temporary
 * name, the old one dropped concurrently, and the new one renamed (an index-only lock), so
 * queries always have an index. On a partitioned table the swap is one transaction, which
 * blocks reads and writes while the partitions are indexed (`stepBlocking`).
 */
export const replaceIndex: Operation<'replaceIndex'> = {
  kind: 'replaceIndex',
  plan: (change, context) => {
    const { table, from, to } = change;
    const name = quoteIdent(to.name);
    if (isPartitioned(context.to, table)) {
      const claims = scopedLocks(table, 'tree', 'AccessExclusiveLock', 'ShareLock');
      // The build reads every partition (whichever exist when it runs) while the DROP's ACCESS EXCLUSIVE is still held.
      return {
        steps: [
          step({
            action: 'buildIndex',
            summary: `rebuild index ${to.name} of partitioned table ${table}`,
            sql: [`DROP INDEX ${name};`, createIndexStatement(table, to)],
            locks: claims,
            scans: true,
            rollback: rollback([`DROP INDEX ${name};`, createIndexStatement(table, from)], claims),
            alternative:
              'add the new index under another name first and drop the old one in a later migration, or run it in a maintenance window',
          }),
        ],
      };
    }
    const temporary = derivedName(to.name, 'wesley_new');
    const shareUpdate = locks(table, 'ShareUpdateExclusiveLock');
    return {
      steps: [
        ...indexBuildSteps({ table, index: to, partitioned: false, name: temporary }),
        step({
          part: 'drop-old',
          action: 'swapIndex',
          summary: `drop the old index ${from.name} concurrently`,
          sql: [`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(from.name)};`],
          transactional: false,
          locks: shareUpdate,
          rollback: rollback([createIndexStatement(table, from, { concurrently: true })], shareUpdate, false),
        }),
        step({
          part: 'rename',
          action: 'swapIndex',
          summary: `rename ${temporary} to ${to.name}`,
          sql: [`ALTER INDEX ${quoteIdent(temporary)} RENAME TO ${name};`],
          locks: [],
          rollback: rollback([`ALTER INDEX ${name} RENAME TO ${quoteIdent(temporary)};`], []),
        }),
      ],
    };
  },
};
