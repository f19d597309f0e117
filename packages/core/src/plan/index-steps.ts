import { createIndexStatement } from '../ddl/create-index-sql.js';
import type { IndexIR } from '../ir/types.js';
import { derivedName } from '../naming/name-allocator.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { PlanContext, StepDraft } from './operation.js';
import { locks, rollback, step } from './step-builders.js';

export interface IndexBuildTarget {
  readonly table: string;
  readonly index: IndexIR;
  readonly partitioned: boolean;
  /** Build under this name (a replacement beside the old index); defaults to `index.name`. */
  readonly name?: string;
}

/**
 * Steps that build an index on a live table without blocking writes (docs/locks.md#add-index):
 *
 * - a plain table: `CREATE INDEX CONCURRENTLY`, outside a transaction, under SHARE UPDATE
 *   EXCLUSIVE. If it fails it leaves an INVALID index behind, which the rollback (and the
 *   executor before a retry) drops with `DROP INDEX CONCURRENTLY IF EXISTS`;
 * - a partitioned table whose partitions are known: `CREATE INDEX ... ON ONLY` the parent (an
 *   instant, invalid shell), then per partition a concurrent build and `ATTACH PARTITION`,
 *   which takes only ACCESS SHARE; the parent index turns valid when the last one attaches;
 * - a partitioned table with no known partitions: a plain `CREATE INDEX` on the parent, which
 *   has no rows of its own, so the SHARE lock is brief.
 */
export function indexBuildSteps(target: IndexBuildTarget, context: PlanContext): StepDraft[] {
  const { table, index, partitioned } = target;
  const name = target.name ?? index.name;
  const partitions = partitioned ? (context.partitions.get(table) ?? []) : [];
  if (!partitioned) {
    const shareUpdate = locks(table, 'ShareUpdateExclusiveLock');
    return [
      step({
        part: 'build',
        action: 'buildIndex',
        summary: `build index ${name} on ${table} concurrently (reads and writes go on)`,
        sql: [createIndexStatement(table, index, { concurrently: true, name })],
        transactional: false,
        locks: shareUpdate,
        scans: true,
        repair: [`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(name)};`],
        rollback: rollback([`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(name)};`], shareUpdate, false),
      }),
    ];
  }
  const dropParent = rollback([`DROP INDEX IF EXISTS ${quoteIdent(name)};`], locks([table, ...partitions], 'AccessExclusiveLock'));
  if (partitions.length === 0) {
    return [
      step({
        part: 'build',
        action: 'buildIndex',
        summary: `build index ${name} on partitioned table ${table} (no partitions known: the parent holds no rows)`,
        sql: [createIndexStatement(table, index, { name })],
        locks: locks(table, 'ShareLock'),
        rollback: dropParent,
      }),
    ];
  }
  const steps: StepDraft[] = [
    step({
      part: 'parent',
      action: 'buildIndex',
      summary: `create index ${name} on the parent ${table} only (invalid until every partition attaches)`,
      sql: [createIndexStatement(table, index, { only: true, name })],
      locks: locks(table, 'ShareLock'),
      rollback: dropParent,
    }),
  ];
  for (const partition of partitions) {
    const child = derivedName(partition, name);
    const shareUpdate = locks(partition, 'ShareUpdateExclusiveLock');
    steps.push(
      step({
        part: `build:${partition}`,
        action: 'buildIndex',
        summary: `build index ${child} on partition ${partition} concurrently`,
        sql: [createIndexStatement(partition, index, { concurrently: true, name: child })],
        transactional: false,
        locks: shareUpdate,
        scans: true,
        repair: [`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(child)};`],
        // Once attached, the partition's index goes with the parent's (dropping it alone is refused).
        rollback: { sql: [], transactional: true, locks: [] },
      }),
      step({
        part: `attach:${partition}`,
        action: 'buildIndex',
        summary: `attach ${child} to ${name}`,
        sql: [`ALTER INDEX ${quoteIdent(name)} ATTACH PARTITION ${quoteIdent(child)};`],
        locks: locks([table, partition], 'AccessShareLock'),
        // Detaching an index partition is not possible; dropping the parent index drops it too.
        rollback: { sql: [], transactional: true, locks: [] },
      }),
    );
  }
  return steps;
}
