import type { Blocking, Plan } from './plan-types.js';

/**
 * Where a migration blocks reads or writes without an approval: a step of a plan (`step <id>`);
 * a hand-written migration's statement can be judged the same way (`stepBlocking` over its
 * facts) and reported as one more finding.
 */
export interface BlockingFinding {
  /** What blocks, for people: `step add-column:account.total`. */
  readonly at: string;
  readonly blocking: Blocking;
}

/**
 * The steps of `plan` that block (`PlanStep.blocking`, which `validatePlan` holds to the step's
 * facts) and carry no approval: `wesley migrate` runs none of the plan unless it is allowed.
 */
export function unapprovedBlocking(plan: Plan): BlockingFinding[] {
  return plan.steps.flatMap((step) =>
    step.blocking !== null && step.approval === null ? [{ at: `step ${step.id}`, blocking: step.blocking }] : [],
  );
}
