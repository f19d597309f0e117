import type { Plan } from '@wesley/core/run';
import { readPlanFile, type MigrationFile } from '@wesley/postgres/run';

/**
 * The plans of the planned migrations among `files`, by migration name, for naming phases and
 * counting steps in progress output and checking `--to`. A `plan.json` that cannot be read is
 * left out: the migrator reports it, with its reason, if it is ever to run.
 */
export async function readDirectoryPlans(files: readonly MigrationFile[]): Promise<Map<string, Plan>> {
  const plans = new Map<string, Plan>();
  for (const file of files) {
    if (file.kind !== 'plan') continue;
    const plan = await readPlanFile(file.path).catch(() => null);
    if (plan !== null) plans.set(file.name, plan);
  }
  return plans;
}
