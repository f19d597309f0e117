import { phases } from '../plan-types.js';
import type { StepDraft } from '../operation.js';
import type { Placement } from './step-placement.js';

/** A step draft with where it runs (`placeStep`) and its place among the changes: `order` is the change's index times 1000 plus the step's. */
export interface OrderedDraft {
  readonly order: number;
  readonly placement: Placement;
  readonly draft: StepDraft;
}

/**
 * The order of a plan's steps: by phase (`expand`, `backfill`, `validate`, `contract`: old and
 * new code both work until `contract`), then by `stepRank` (what each step must come after),
 * then as the diff produced the changes and each operation its steps, so the same input always
 * gives the same plan.
 */
export function compareSteps(a: OrderedDraft, b: OrderedDraft): number {
  return phases.indexOf(a.placement.phase) - phases.indexOf(b.placement.phase) || a.placement.rank - b.placement.rank || a.order - b.order;
}
