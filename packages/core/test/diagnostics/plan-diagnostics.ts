import { planMigration, type Change, type PlanOptions, type PlanResult, type SourcePosition } from '@wesley/core';
import { sdlIR } from '../support/sdl-ir.js';

/** Plans between two SDL versions (or IRs) for the plan diagnostics tests (WES101-WES106). */
export function planBetween(
  from: string | Parameters<typeof planMigration>[0],
  to: string | Parameters<typeof planMigration>[1],
  options: PlanOptions = {},
): PlanResult {
  const ir = (version: typeof from) => (typeof version === 'string' ? sdlIR(version) : version);
  return planMigration(ir(from), ir(to), options);
}

/**
 * A `locate` that puts each change at its own made-up place in `shop.graphql` (line = 10 + its
 * position in the diff) and records the changes it was asked about, so a test can check both
 * that the planner uses it and which change a diagnostic is about.
 */
export function recordingLocate(): { locate: (change: Change) => SourcePosition; asked: Change[] } {
  const asked: Change[] = [];
  return {
    asked,
    locate: (change) => {
      asked.push(change);
      return { file: 'shop.graphql', line: 10 + asked.length, column: 3 };
    },
  };
}
