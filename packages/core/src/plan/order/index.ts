/**
 * Every rule of a plan's step order, each with its reason: where each kind of step runs
 * (`stepPlacement`, the phases and `stepRank`), what moves a step elsewhere (`placeStep`: the
 * drops a NOT NULL fill needs out of the way first, `dropsBeforeFills`, and NOT NULL after a
 * fill), and the sort (`compareSteps`).
 */
export { compareSteps, type OrderedDraft } from './compare-steps.js';
export { dropsBeforeFills, type EarlyDrop } from './drops-before-fills.js';
export { placeStep, type PlacementContext } from './place-step.js';
export { stepPlacement, type Placement, type StepAction } from './step-placement.js';
export { stepRank, type StepRank } from './step-rank.js';
