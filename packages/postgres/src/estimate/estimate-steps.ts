import type { PlanStep } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import { loadCalibration, type CalibrationCacheOptions } from './calibration-cache.js';
import type { Calibration } from './calibration.js';
import { estimateStep, type StepCost } from './estimate-step.js';
import { readStepDelays, type StepDelay } from './read-step-delays.js';
import { readTableSizes } from './read-table-sizes.js';
import { stepWork } from './step-work.js';

/** A step's cost on this server and what would delay it now. */
export interface StepEstimate extends Omit<StepCost, 'kind'> {
  readonly kind: 'step-estimate';
  readonly delays: readonly StepDelay[];
}

/** What a run of some steps will cost on the server measured: each step, the ranking and the bottleneck. */
export interface StepsEstimate {
  readonly kind: 'steps-estimate';
  readonly calibration: Calibration;
  /** The calibration came from the cache (measured earlier), not from this command. */
  readonly cached: boolean;
  /** In the order given. */
  readonly steps: readonly StepEstimate[];
  /** Step ids, longest predicted first (ties in the order given); catalog updates left out. */
  readonly ranking: readonly string[];
  /** The step that takes longest, `null` when every step is a catalog update. */
  readonly bottleneck: string | null;
  /** The sum of the predicted durations, in milliseconds. */
  readonly totalMs: number;
}

/**
 * Estimates `steps` against the database of `session` (idle): the tables they work on measured
 * now (`readTableSizes`), the server's throughput from its calibration (cached per server), and
 * the open transactions that would delay each (`readStepDelays`). Each table is measured as it
 * is before the run: a step on a table an earlier step creates counts it empty.
 */
export async function estimateSteps(
  session: Connection,
  steps: readonly PlanStep[],
  options: CalibrationCacheOptions = {},
): Promise<StepsEstimate> {
  const tables = steps.flatMap((step) => {
    const work = stepWork(step);
    return work.kind === 'catalog' ? [] : [work.table];
  });
  const sizes = await readTableSizes(session, tables);
  const { calibration, cached } = await loadCalibration(session, options);
  const estimates: StepEstimate[] = [];
  for (const step of steps) {
    const cost = estimateStep(step, sizes, calibration);
    estimates.push({ ...cost, kind: 'step-estimate', delays: await readStepDelays(session, step) });
  }
  const ranking = estimates
    .filter((estimate) => estimate.work.kind !== 'catalog')
    .sort((a, b) => b.predictedMs - a.predictedMs)
    .map((estimate) => estimate.step);
  return {
    kind: 'steps-estimate',
    calibration,
    cached,
    steps: estimates,
    ranking,
    bottleneck: ranking[0] ?? null,
    totalMs: estimates.reduce((sum, estimate) => sum + estimate.predictedMs, 0),
  };
}
