import { partitionIndexName, quoteIdent, undoStep, type PerPartition, type PlanStep } from '@wesley/core/run';
import type { Queryable } from '../introspect/queryable.js';

/**
 * What undoing a per-partition index step must drop besides its parent's index: each partition's
 * index of the pattern (named by `partitionIndexName`, on that partition) that is not attached,
 * as the partitions are now. Dropping the parent's index drops the attached ones with it, but a
 * run stopped between a partition's build and its attach left that index on its own, valid or
 * INVALID, and an `ON ONLY` index of a partitioned partition not yet attached keeps its own
 * partitions' indexes. One undo step for each, to run before the parent's index is dropped:
 * `DROP INDEX CONCURRENTLY IF EXISTS` on a partition holding rows (outside a transaction, under
 * SHARE UPDATE EXCLUSIVE, so writes go on), `DROP INDEX IF EXISTS` on a partitioned one (which
 * PostgreSQL cannot drop concurrently; catalog only, under ACCESS EXCLUSIVE on its tree, and its
 * attached partitions' indexes go with it). An index that backs a constraint is left alone.
 */
export async function partitionIndexLeftovers(db: Queryable, step: PlanStep, pattern: PerPartition): Promise<PlanStep[]> {
  const { rows } = await db.query<{ schema: string; partition: string; index: string; partitioned: boolean }>(
    `SELECT n.nspname::text AS schema, c.relname::text AS partition, i.relname::text AS index, i.relkind = 'I' AS partitioned
       FROM pg_catalog.pg_partition_tree(to_regclass($1)) t
       JOIN pg_catalog.pg_class c ON c.oid = t.relid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_index x ON x.indrelid = c.oid
       JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
      WHERE t.level > 0
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.oid)
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.oid)
      ORDER BY t.level, n.nspname, c.relname`,
    [quoteIdent(pattern.table)],
  );
  return rows
    .filter((row) => row.index === partitionIndexName(row.partition, pattern.index))
    .flatMap((row) => {
      const index = `${quoteIdent(row.schema)}.${quoteIdent(row.index)}`;
      // The undo of this partition's part of the step, as core's undoStep makes every undo.
      const part: PlanStep = {
        ...step,
        id: `${step.id}:${row.partition}`,
        summary: `build index ${row.index} on ${row.partition} (left unattached)`,
        rollback: row.partitioned
          ? {
              sql: [`DROP INDEX IF EXISTS ${index};`],
              transactional: true,
              locks: [{ relation: row.partition, mode: 'AccessExclusiveLock', scope: 'tree' }],
            }
          : {
              sql: [`DROP INDEX CONCURRENTLY IF EXISTS ${index};`],
              transactional: false,
              locks: [{ relation: row.partition, mode: 'ShareUpdateExclusiveLock' }],
            },
      };
      return undoStep(part) ?? [];
    });
}
