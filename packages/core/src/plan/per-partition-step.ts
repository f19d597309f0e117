import type { StepDraft } from './operation.js';
import type { PerPartition, Rollback } from './plan-types.js';
import { rollback, step } from './step-builders.js';

/** The placeholders of a per-partition template (`PerPartition`), quoted identifiers so the templates parse as SQL. */
export const partitionSlot = '{partition}';
export const indexSlot = '{index}';
export const parentIndexSlot = '{parent_index}';

/** A per-partition step's `sql`: its templates in the order they run, those it has not left out. */
export function perPartitionSql(pattern: PerPartition): string[] {
  return [pattern.build, pattern.shell, pattern.catchUp ?? null, pattern.alter, pattern.attach].filter((template) => template !== null);
}

type PerPartitionFields = Pick<StepDraft, 'part' | 'action' | 'summary' | 'locks'> & Partial<Pick<StepDraft, 'scans'>>;

/**
 * A step that runs `pattern` on each partition the table has when it runs: outside one
 * transaction (each partition's unit is its own), its templates as its `sql`. Its rollback is
 * empty unless given: what it made on the partitions goes with the parent's object, which an
 * earlier step made and whose rollback drops it.
 */
export function perPartitionStep(fields: PerPartitionFields, pattern: PerPartition, undo: Rollback = rollback([], [])): StepDraft {
  return step({
    ...fields,
    sql: perPartitionSql(pattern),
    transactional: false,
    perPartition: pattern,
    rollback: undo,
  });
}
