export { applyPlan } from './apply-plan.js';
export { applyStep } from './apply-step.js';
export { StepFailedError } from './step-failed-error.js';
export { resolveRunOptions, type RunEvent, type RunOptions, type ResolvedRunOptions } from './run-options.js';
export type { StepJournal } from './step-journal.js';
