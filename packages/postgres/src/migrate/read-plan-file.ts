import { readFile } from 'node:fs/promises';
import type { Plan, PlanStep } from '@wesley/core';
import { InvalidPlanFileError } from './migration-errors.js';

/** Reads a `plan.json` written by `wesley plan --out`, checking its shape before anything runs. */
export async function readPlanFile(file: string): Promise<Plan> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InvalidPlanFileError(file, error instanceof Error ? error.message : String(error));
  }
  const plan = value as Partial<Plan> | null;
  if (plan === null || typeof plan !== 'object' || plan.kind !== 'plan' || !Array.isArray(plan.steps)) {
    throw new InvalidPlanFileError(file, 'expected an object with "kind": "plan" and a "steps" array');
  }
  const ids = new Set<string>();
  for (const step of plan.steps as readonly (Partial<PlanStep> | null)[]) {
    if (typeof step?.id !== 'string' || !Array.isArray(step.sql) || typeof step.transactional !== 'boolean') {
      throw new InvalidPlanFileError(file, 'every step needs an "id", a "sql" list and "transactional"');
    }
    if (ids.has(step.id)) throw new InvalidPlanFileError(file, `step id ${step.id} appears twice`);
    ids.add(step.id);
  }
  return plan as Plan;
}
