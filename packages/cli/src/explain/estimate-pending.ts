import type { Plan, PlanStep } from '@wesley/core/run';
import { estimateSteps, migrationStatus, type Connection, type StepsEstimate } from '@wesley/postgres/run';
import type { MigrationStep } from './format-estimates.js';

/** The estimate of the pending planned migrations' steps, and which migration each step is in. */
export interface PendingEstimate {
  readonly estimate: StepsEstimate;
  readonly steps: readonly MigrationStep[];
  /** The pending (and stopped) planned migrations, in order. */
  readonly migrations: readonly string[];
}

/**
 * Estimates every step still to run of the pending (and stopped) planned migrations of
 * `directory` (as `wesley status` finds them, read-only) against the database of `session`: what `wesley explain` prints and
 * `wesley migrate --explain` shows beside its progress. SQL migrations are not estimated.
 */
export async function estimatePending(
  session: Connection,
  directory: string,
  plans: ReadonlyMap<string, Plan>,
  options: { readonly lockName?: string | undefined; readonly recalibrate?: boolean },
): Promise<PendingEstimate> {
  const pending = (await migrationStatus(session, directory, options.lockName)).filter(
    (status) => (status.state === 'pending' || status.state === 'stopped') && plans.has(status.name),
  );
  // A stopped migration resumes after the steps it applied, which are the first ones of its plan.
  const steps: (MigrationStep & { readonly planStep: PlanStep })[] = pending.flatMap((status) =>
    (plans.get(status.name)?.steps ?? [])
      .slice(status.stepsApplied)
      .map((planStep) => ({ migration: status.name, step: planStep.id, planStep })),
  );
  const estimate = await estimateSteps(
    session,
    steps.map(({ planStep }) => planStep),
    { recalibrate: options.recalibrate === true },
  );
  return { estimate, steps: steps.map(({ migration, step }) => ({ migration, step })), migrations: pending.map((status) => status.name) };
}
