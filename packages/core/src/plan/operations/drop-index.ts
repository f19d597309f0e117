import { statementClaims } from '../../locks/statement-locks.js';
import { createIndexStatement } from '../../ddl/create-index-sql.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { isPartitioned } from '../schema-facts.js';
import { rollback, scopedLocks, step } from '../step-builders.js';

/**
 * `DROP INDEX CONCURRENTLY`, outside a transaction: it waits for queries using the index instead
 * of locking the table against them. An index of a partitioned table cannot be dropped
 * concurrently; its plain drop locks the parent and every partition, briefly. In `contract`,
 * or early in `expand` for a unique index a NOT NULL fill of the plan would break (`placeStep`).
 */
export const dropIndex: Operation<'dropIndex'> = {
  kind: 'dropIndex',
  plan: (change, context) => {
    const { table, index } = change;
    if (isPartitioned(context.to, table)) {
      const exclusive = scopedLocks(table, 'tree', 'AccessExclusiveLock');
      return {
        steps: [
          step({
            action: 'dropIndex',
            summary: `drop index ${index.name} of partitioned table ${table} and its partitions' indexes`,
            sql: [`DROP INDEX ${quoteIdent(index.name)};`],
            locks: exclusive,
            // Building it again on the parent builds it on every partition, under SHARE on each.
            rollback: rollback([createIndexStatement(table, index)], scopedLocks(table, 'tree', 'ShareLock')),
          }),
        ],
      };
    }
    const shareUpdate = statementClaims('drop-index-concurrently', table);
    return {
      steps: [
        step({
          action: 'dropIndex',
          summary: `drop index ${index.name} of ${table} concurrently`,
          sql: [`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(index.name)};`],
          transactional: false,
          locks: shareUpdate,
          rollback: rollback([createIndexStatement(table, index, { concurrently: true })], shareUpdate, false),
        }),
      ],
    };
  },
};
