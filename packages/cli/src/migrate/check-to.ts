import { phases, type Plan } from '@wesley/core/run';
import { UsageError } from '../usage-error.js';

/**
 * `--to` must name a phase or a step of one of the planned migrations: the migrator runs a plan
 * without that step whole, so a mistyped step id would run the contract phase it was meant to
 * hold back.
 *
 * @throws UsageError when it names neither.
 */
export function checkTo(to: string, plans: ReadonlyMap<string, Plan>, command: string): void {
  if ((phases as readonly string[]).includes(to)) return;
  for (const plan of plans.values()) if (plan.steps.some((step) => step.id === to)) return;
  throw new UsageError(`--to takes a phase (${phases.join(', ')}) or the id of a step of a planned migration; '${to}' is neither`, command);
}
