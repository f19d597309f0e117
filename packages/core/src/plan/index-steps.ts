import { statementClaims, statementLocks } from '../locks/statement-locks.js';
import { createIndexStatement } from '../ddl/create-index-sql.js';
import type { IndexIR } from '../ir/types.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { StepDraft } from './operation.js';
import { indexSlot, parentIndexSlot, partitionSlot, perPartitionStep } from './per-partition-step.js';
import type { PerPartition } from './plan-types.js';
import { rollback, scopedLocks, step } from './step-builders.js';

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
 * - a partitioned table: `CREATE INDEX ... ON ONLY` the parent (instant: the parent holds no
 *   rows; the index is invalid until every partition's is attached), then one step that runs,
 *   for each partition the table has when it runs, a concurrent build and `ATTACH PARTITION`
 *   (`PerPartition`). The same plan holds for 0, 2 or 500 partitions; the parent index turns
 *   valid when the last one attaches, and partitions created later get the index from it.
 */
export function indexBuildSteps(target: IndexBuildTarget): StepDraft[] {
  const { table, index, partitioned } = target;
  const name = target.name ?? index.name;
  if (!partitioned) {
    const build = statementLocks['create-index-concurrently'];
    return [
      step({
        part: 'build',
        action: 'buildIndex',
        summary: `build index ${name} on ${table} concurrently (reads and writes go on)`,
        sql: [createIndexStatement(table, index, { concurrently: true, name })],
        transactional: build.inTransaction,
        locks: statementClaims('create-index-concurrently', table),
        scans: build.scans,
        repair: [`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(name)};`],
        rollback: rollback(
          [`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(name)};`],
          statementClaims('drop-index-concurrently', table),
          statementLocks['drop-index-concurrently'].inTransaction,
        ),
      }),
    ];
  }
  const dropParent = rollback([`DROP INDEX IF EXISTS ${quoteIdent(name)};`], scopedLocks(table, 'tree', 'AccessExclusiveLock'));
  const perPartition: PerPartition = {
    kind: 'perPartition',
    table,
    index: name,
    build: createIndexStatement(partitionSlot, index, { concurrently: true, name: indexSlot }),
    shell: createIndexStatement(partitionSlot, index, { only: true, name: indexSlot }),
    alter: null,
    attach: `ALTER INDEX ${quoteIdent(parentIndexSlot)} ATTACH PARTITION ${quoteIdent(indexSlot)};`,
  };
  return [
    step({
      part: 'parent',
      action: 'buildIndex',
      summary: `create index ${name} on the parent ${table} only (invalid until every partition's index is attached)`,
      sql: [createIndexStatement(table, index, { only: true, name })],
      locks: statementClaims('create-index-only', table),
      rollback: dropParent,
    }),
    perPartitionStep(
      {
        part: 'partitions',
        action: 'buildIndex',
        summary: `build index ${name} on each partition of ${table} concurrently and attach it (partitions read from the catalog when the step runs)`,
        // The builds take SHARE UPDATE EXCLUSIVE on each partition holding rows; ATTACH PARTITION takes only
        // ACCESS SHARE on the parent and the partition (measured on 15 and 18).
        // The `ON ONLY` index of a partition partitioned in turn takes SHARE on it, briefly: it holds no rows.
        locks: [
          ...scopedLocks(table, 'leaves', 'ShareUpdateExclusiveLock'),
          ...scopedLocks(table, 'tree', 'AccessShareLock'),
          ...scopedLocks(table, 'partitioned', 'ShareLock'),
        ],
        scans: true,
      },
      perPartition,
    ),
  ];
}
