import type { PlanStep } from '@wesley/core/run';

/**
 * What takes the time in a step, read from its facts: every row copied (`rewrites`), every row read
 * (`scans`), an index built (a `CREATE INDEX` that is not `ON ONLY` a partitioned table, or a
 * per-partition pattern's builds), rows updated in batches (`backfill`), or a catalog update
 * whose time is its lock wait alone.
 */
export type StepWork =
  | { readonly kind: 'rewrite'; readonly table: string }
  | { readonly kind: 'scan'; readonly table: string }
  | { readonly kind: 'index-build'; readonly table: string; readonly concurrent: boolean }
  | { readonly kind: 'backfill'; readonly table: string; readonly batchSize: number }
  | { readonly kind: 'catalog' };

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] ... ON <table>`, not `ON ONLY` (a partitioned table's shell, which builds nothing). */
const createIndex = /^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(CONCURRENTLY\s+)?(?:(?!\bON\b)[\s\S])*\bON\s+(?!ONLY\b)/i;

/** The work of `step`, and the table it is done on (as the step's lock claims name it: partitions are summed into it). */
export function stepWork(step: PlanStep): StepWork {
  if (step.backfill !== null) return { kind: 'backfill', table: step.backfill.table, batchSize: step.backfill.batchSize };
  const worked = step.locks.find((claim) => claim.mode !== 'RowShareLock' && claim.mode !== 'AccessShareLock');
  // A table the step renames is found under its name before the step, which is when it is measured.
  const table = worked === undefined ? null : (worked.renamedFrom ?? worked.relation);
  if (table === null) return { kind: 'catalog' };
  if (step.rewrites) return { kind: 'rewrite', table };
  if (step.perPartition?.build != null) return { kind: 'index-build', table: step.perPartition.table, concurrent: true };
  const build = step.perPartition === undefined ? step.sql.map((sql) => createIndex.exec(sql)).find((match) => match !== null) : undefined;
  if (build !== undefined) return { kind: 'index-build', table, concurrent: build[1] !== undefined };
  if (step.scans) return { kind: 'scan', table };
  return { kind: 'catalog' };
}
