import type { StepDraft } from '../operation.js';

/**
 * NOT NULL steps of a column whose rows a backfill fills, moved after the fill: the NOT VALID
 * constraint that `notNullSteps` adds in `expand` checks every updated row, so added before the
 * fill it would make an update of a row still holding NULL fail (the fill itself, another
 * backfill of the table, the application's writes). It goes first in `validate` instead.
 */
export function afterFill(steps: readonly StepDraft[]): StepDraft[] {
  return steps.map((draft) => (draft.phase === 'expand' ? { ...draft, phase: 'validate' as const } : draft));
}
