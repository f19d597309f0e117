import type { Plan } from './plan-types.js';
import { undoStep } from './undo-step.js';

export interface RollbackResult {
  /** The down plan, or `null` when a step cannot be undone. */
  readonly plan: Plan | null;
  /** Ids of the steps that cannot be undone (data dropped, enum labels added), in plan order. */
  readonly irreversible: readonly string[];
}

/**
 * The down plan of `plan`: each step's rollback, last step first, so that applying the plan and
 * then its down plan leaves the database as it was. Steps with nothing to undo (a validation,
 * a backfill whose column the earlier step's rollback drops) are left out. Only a reversible
 * plan has one; otherwise the irreversible steps are named.
 */
export function rollbackPlan(plan: Plan): RollbackResult {
  const irreversible = plan.steps.filter((step) => !step.reversible || step.rollback === null).map((step) => step.id);
  if (irreversible.length > 0) return { plan: null, irreversible };
  const steps = [...plan.steps].reverse().flatMap((step) => undoStep(step) ?? []);
  // The tables' facts are those before the plan ran, not after it, where its down plan starts:
  // the down plan assumes only the server versions.
  const assumptions = { ...plan.assumptions, tables: [] };
  return { plan: { ...plan, from: plan.to, to: plan.from, assumptions, steps }, irreversible: [] };
}
