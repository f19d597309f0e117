import type { MigrateEvent } from '@wesley/postgres/run';
import type { PendingEstimate } from './estimate-pending.js';

/** The `estimates` progress event of `wesley migrate --explain`: each step's predicted duration, by migration. */
export function estimatesEvent({ estimate, steps }: PendingEstimate): Extract<MigrateEvent, { kind: 'estimates' }> {
  const at = (stepId: string | null) => steps[estimate.steps.findIndex((cost) => cost.step === stepId)];
  const bottleneck = at(estimate.bottleneck);
  return {
    kind: 'estimates',
    steps: estimate.steps.map((cost, index) => ({
      migration: steps[index]?.migration ?? '',
      stepId: cost.step,
      predictedMs: cost.predictedMs,
    })),
    bottleneck: bottleneck === undefined ? null : { migration: bottleneck.migration, stepId: bottleneck.step },
    totalMs: estimate.totalMs,
  };
}
