import type { Change } from '../../diff/change.js';
import type { StepDraft } from '../operation.js';
import { stepRank } from './step-rank.js';
import { stepPlacement, type Placement } from './step-placement.js';

/** What `placeStep` needs to know about the step's change and the plan around it. */
export interface PlacementContext {
  /** The change the step comes from. */
  readonly change: Change;
  /** Every step of that change, the step among them. */
  readonly steps: readonly StepDraft[];
  /** The drops the plan's NOT NULL fills need out of the way first (`dropsBeforeFills`). */
  readonly dropsBeforeFills: ReadonlySet<Change>;
}

/**
 * Where `draft` runs: `stepPlacement` of its action, unless one of these rules moves it.
 *
 * - A dropped key, unique index or foreign key that a NOT NULL fill of the plan needs gone
 *   (`dropsBeforeFills`) goes early in `expand`, before any fill writes a row, foreign keys
 *   before the keys they reference: the old code loses it a phase early rather than the plan
 *   stopping at the fill.
 * - The NOT VALID NOT NULL of a column whose NULLs a step of the same change fills with the
 *   default goes after the fill, first in `validate`: it checks every updated row, so added
 *   before the fill it would make an update of a row still holding NULL fail (the fill itself,
 *   another backfill of the table, the application's writes).
 * - The old triggers of a derived column go first in `expand` when the plan renames a table or
 *   column their functions name (after the rename every write of the child would fail in them)
 *   or changes the type of a column they watch (`ALTER COLUMN ... TYPE` refuses a column a
 *   trigger names): `AlterDerivedChange.dropFirst`.
 */
export function placeStep(draft: StepDraft, context: PlacementContext): Placement {
  const { action } = draft;
  const early = action === 'dropForeignKey' || action === 'dropKey' || action === 'dropIndex';
  if (early && context.dropsBeforeFills.has(context.change)) {
    return { phase: 'expand', rank: action === 'dropForeignKey' ? stepRank.relaxForeignKey : stepRank.relaxConstraint };
  }
  if (action === 'addNotNull' && context.steps.some((step) => step.action === 'fillDefault')) {
    return { phase: 'validate', rank: stepPlacement.addNotNull.rank };
  }
  if (action === 'dropTriggers' && context.change.kind === 'alterDerived' && context.change.dropFirst) {
    return { phase: 'expand', rank: stepRank.dropTriggersBeforeRenames };
  }
  return stepPlacement[action];
}
