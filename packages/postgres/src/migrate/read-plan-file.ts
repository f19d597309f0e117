import { readFile } from 'node:fs/promises';
import { parsePlan, type Plan } from '@wesley/core/run';
import { InvalidPlanFileError } from './migration-errors.js';

/**
 * Reads a `plan.json` written by `wesley plan --out` and checks it completely (core's
 * `parsePlan`: every field, every SQL statement parsed) before anything runs.
 *
 * @throws InvalidPlanFileError with every problem found, each at its JSON path.
 */
export async function readPlanFile(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidPlanFileError(file, [{ path: '$', message: error instanceof Error ? error.message : String(error) }]);
  }
  const result = await parsePlan(text);
  if (!result.ok) throw new InvalidPlanFileError(file, result.problems);
  return result.plan;
}
