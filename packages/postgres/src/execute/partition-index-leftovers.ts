import { partitionLeftoversSql, undoStep, type LockClaim, type PerPartition, type PlanStep } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';

/**
 * What undoing a per-partition step must drop besides its parent's object, as the partitions are
 * now: each partition's index of the pattern that is not attached to its parent's, found and
 * dropped as core's `partitionLeftoversSql` says (the same query `down.sql` runs through psql).
 * Dropping the parent's index or key drops the attached ones with it, but a run stopped between a
 * partition's build and its attach left that index on its own, valid or INVALID, and an `ON ONLY`
 * index or key of a partitioned partition not yet attached keeps its own partitions'. One undo
 * step for each, to run before the parent's object is dropped: outside a transaction for a
 * concurrent drop (under SHARE UPDATE EXCLUSIVE, so writes go on), in one otherwise (catalog
 * only, under ACCESS EXCLUSIVE on that partition and its own partitions). The claims name the
 * table with a scope, as the step's own do: a partition may be in any schema, and a claim names
 * a relation the plan's way (unqualified).
 */
export async function partitionIndexLeftovers(session: Connection, step: PlanStep, pattern: PerPartition): Promise<PlanStep[]> {
  const { rows } = await session.query<{ partition: string; partitioned: boolean; concurrent: boolean; undo: string }>(
    partitionLeftoversSql(pattern.table, pattern.index),
  );
  return rows.flatMap((row) => {
    const locks: LockClaim[] = row.concurrent
      ? [{ relation: pattern.table, mode: 'ShareUpdateExclusiveLock', scope: 'leaves' }]
      : [{ relation: pattern.table, mode: 'AccessExclusiveLock', scope: row.partitioned ? 'partitions' : 'leaves' }];
    // The undo of this partition's part of the step, as core's undoStep makes every undo.
    const part: PlanStep = {
      ...step,
      id: `${step.id}:${row.partition}`,
      summary: `${step.summary}: what it left unattached on ${row.partition}`,
      rollback: { sql: [row.undo], transactional: !row.concurrent, locks },
    };
    return undoStep(part) ?? [];
  });
}
