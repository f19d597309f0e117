import { planDataLoss, type Plan, type StepDataLoss } from '@wesley/core/run';

/**
 * The steps of `plan` that lose data, judged from the SQL they run as well as from the plan's
 * `impact` (core's `planDataLoss`): a run refuses them without `allowDestructive`. The plan must
 * come from `readPlanFile`, which loads the SQL parser.
 */
export function destructiveSteps(plan: Plan): StepDataLoss[] {
  return planDataLoss(plan);
}
