import type { PlanStep } from './plan-types.js';

/**
 * The step that undoes `step`: its recorded `rollback` as a step of its own, with the id
 * `rollback:<id>`, or `null` when there is nothing to run (no rollback recorded, or one with no
 * statement: a validation, a backfill whose column an earlier step's undo drops). The down plan
 * (`rollbackPlan`) and `wesley migrate rollback` both run these.
 */
export function undoStep(step: PlanStep): PlanStep | null {
  // A per-partition pattern is how the step builds, not how its undo runs: the undo is its own SQL.
  const { perPartition: _pattern, ...forward } = step;
  const undo = forward.rollback;
  if (undo === null || undo.sql.length === 0) return null;
  return {
    ...forward,
    id: `rollback:${step.id}`,
    summary: `undo: ${step.summary}`,
    sql: undo.sql,
    transactional: undo.transactional,
    locks: undo.locks,
    rewrites: false,
    scans: false,
    backfill: null,
    repair: [],
    reversible: false,
    rollback: null,
    // An undo neither rewrites nor scans (`stepBlocking`): nothing to approve.
    blocking: null,
    approval: null,
  };
}
