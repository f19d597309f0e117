import type { Plan } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import { applyStep } from './apply-step.js';
import type { RunOptions } from './run-options.js';

/**
 * Runs every step of `plan` in order, one at a time, on `session`. Stops at the first step that
 * fails for good (a {@link StepFailedError}); the steps before it stay applied, the failed one
 * is rolled back. (The resumable, ledgered migrator builds on this.)
 */
export async function applyPlan(session: Connection, plan: Plan, options: RunOptions = {}): Promise<void> {
  for (const step of plan.steps) await applyStep(session, step, options);
}
