export { applyPlan } from './apply-plan.js';
export { applyStep } from './apply-step.js';
export { StepFailedError } from './step-failed-error.js';
export type { RunEvent, RunOptions } from './run-options.js';
export type { StepJournal } from './step-journal.js';
