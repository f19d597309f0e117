import type { Plan } from '@wesley/core';

/** One line per step, `  3  expand    add-column:account.email  add column account.email`, each ending with a newline. */
export function formatPlanSteps(plan: Plan): string {
  const number = String(plan.steps.length).length;
  const phase = Math.max(...plan.steps.map((step) => step.phase.length));
  const id = Math.max(...plan.steps.map((step) => step.id.length));
  return plan.steps
    .map((step, i) => `  ${String(i + 1).padStart(number)}  ${step.phase.padEnd(phase)}  ${step.id.padEnd(id)}  ${step.summary}\n`)
    .join('');
}
