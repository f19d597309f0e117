import type { Plan } from '@wesley/core';

/** Ids of the steps of `plan` that lose data: a run refuses them without `allowDestructive`. */
export function destructiveSteps(plan: Plan): string[] {
  return plan.steps.filter((step) => step.impact?.data === 'breaking').map((step) => step.id);
}
