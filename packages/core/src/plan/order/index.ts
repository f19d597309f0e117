/**
 * Every rule of a plan's step order, each with its reason: the phases and ranks (`stepRank`,
 * `compareSteps`), the drops a NOT NULL fill needs out of the way first (`dropsBeforeFills`),
 * and NOT NULL after a fill (`afterFill`).
 */
export { afterFill } from './after-fill.js';
export { compareSteps, type OrderedDraft } from './compare-steps.js';
export { dropsBeforeFills, type EarlyDrop } from './drops-before-fills.js';
export { stepRank, type StepRank } from './step-rank.js';
