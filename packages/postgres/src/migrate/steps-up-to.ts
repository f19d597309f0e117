import { phases, type Plan, type PlanStep } from '@wesley/core/run';

/**
 * `--to`: which steps of `plan` a run includes. A phase name runs the steps up to the end of
 * that phase; a step id runs the steps up to and including that step. `undefined` (run the
 * whole plan) when `to` is not given, or names a step this plan does not have.
 */
export function stepsUpTo(plan: Plan, to: string | undefined): ((step: PlanStep, index: number) => boolean) | undefined {
  if (to === undefined) return undefined;
  const phase = (phases as readonly string[]).indexOf(to);
  if (phase >= 0) return (step) => phases.indexOf(step.phase) <= phase;
  const last = plan.steps.findIndex((step) => step.id === to);
  return last < 0 ? undefined : (_step, index) => index <= last;
}
