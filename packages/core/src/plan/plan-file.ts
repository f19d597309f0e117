import { stableStringify } from '../ir/stable-stringify.js';
import type { Plan } from './plan-types.js';
import { validatePlan, type PlanValidation } from './validate-plan.js';

/**
 * The text of a `plan.json`: the plan as JSON indented by two spaces, keys sorted
 * (`stableStringify`) and a final newline, so the same plan is the same bytes, and a review
 * or a checksum sees only real changes. `wesley plan --out` writes it and `--json` prints it.
 */
export function serializePlan(plan: Plan): string {
  return `${stableStringify(plan, 2)}\n`;
}

/**
 * The plan in the text of a `plan.json`, checked whole before any of it runs (`validatePlan`:
 * every field, every SQL statement parsed), or every problem found, each at its JSON path; text
 * that is not JSON is one problem at `$`.
 */
export async function parsePlan(text: string): Promise<PlanValidation> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: error instanceof Error ? error.message : String(error) }] };
  }
  return validatePlan(value);
}
