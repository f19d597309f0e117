import { partitionIndexName, quoteIdent, undoStep, type PerPartition, type PlanStep } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import { partitionTree } from './run-per-partition.js';

/**
 * What undoing a per-partition index step must drop besides its parent's index: each partition's
 * index of the pattern (named by `partitionIndexName`, on that partition) that is not attached,
 * as the partitions are now (`partitionTree`: read from pg_inherits, without a lock on any of
 * them). Dropping the parent's index drops the attached ones with it, but a
 * run stopped between a partition's build and its attach left that index on its own, valid or
 * INVALID, and an `ON ONLY` index of a partitioned partition not yet attached keeps its own
 * partitions' indexes. One undo step for each, to run before the parent's index is dropped:
 * `DROP INDEX CONCURRENTLY IF EXISTS` on a partition holding rows (outside a transaction, under
 * SHARE UPDATE EXCLUSIVE, so writes go on), `DROP INDEX IF EXISTS` on a partitioned one (which
 * PostgreSQL cannot drop concurrently; catalog only, under ACCESS EXCLUSIVE on its tree, and its
 * attached partitions' indexes go with it). An index that backs a constraint is left alone.
 */
export async function partitionIndexLeftovers(session: Connection, step: PlanStep, pattern: PerPartition): Promise<PlanStep[]> {
  const partitions = (await partitionTree(session, pattern.table)).filter((node) => node.parent !== null);
  const { rows } = await session.query<{ schema: string; partition: string; index: string; partitioned: boolean }>(
    `SELECT n.nspname::text AS schema, c.relname::text AS partition, i.relname::text AS index, i.relkind = 'I' AS partitioned
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(relation, index, n)
       JOIN pg_catalog.pg_class c ON c.oid = to_regclass(w.relation)
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_index x ON x.indrelid = c.oid
       JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid AND i.relname = w.index
      WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.oid)
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.oid)
      ORDER BY w.n`,
    [partitions.map((node) => node.relation), partitions.map((node) => partitionIndexName(node.name, pattern.index))],
  );
  return rows.flatMap((row) => {
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
