import { stableStringify, type Plan } from '@wesley/core';

/** The plan as indented JSON with sorted keys and a final newline: `--json` output and `plan.json`. */
export function formatPlanJson(plan: Plan): string {
  return `${stableStringify(plan, 2)}\n`;
}
