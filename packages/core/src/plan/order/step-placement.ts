import type { Phase } from '../plan-types.js';
import { stepRank, type StepRank } from './step-rank.js';

/** Where a step runs: its phase, and its place in the phase (`stepRank`). */
export interface Placement {
  readonly phase: Phase;
  readonly rank: StepRank;
}

/**
 * Where each kind of step runs when nothing else in the plan moves it (`placeStep` has the
 * rules that do). The phase says which code may still run meanwhile: `expand` adds and relaxes
 * what both the old and the new code can live with, `backfill` writes rows, `validate` proves
 * what `expand` declared, and `contract` removes what only the old code used.
 */
export const stepPlacement = {
  renameTable: { phase: 'expand', rank: stepRank.renameTable },
  renameColumn: { phase: 'expand', rank: stepRank.renameColumn },
  renameConstraint: { phase: 'expand', rank: stepRank.renameConstraint },
  renameIndex: { phase: 'expand', rank: stepRank.renameConstraint },
  createEnum: { phase: 'expand', rank: stepRank.createEnum },
  addEnumValue: { phase: 'expand', rank: stepRank.addEnumValue },
  // Relaxing only lets more rows in: the old code never misses NOT NULL, and the fills of the
  // backfill phase may write NULL-free values v2 allows.
  dropNotNull: { phase: 'expand', rank: stepRank.relaxColumn },
  // The new code may rely on the default from its first insert.
  setDefault: { phase: 'expand', rank: stepRank.relaxColumn },
  // A check only refuses rows, so the old code never misses it, and the fills of the backfill
  // phase may write values that v2 allows and the dropped check refused.
  dropCheck: { phase: 'expand', rank: stepRank.relaxConstraint },
  // Row-level security turned off or no longer forced only lets more rows through: the old
  // code never misses it, and the policies that go are dropped in `contract`, after it.
  relaxRowSecurity: { phase: 'expand', rank: stepRank.relaxConstraint },
  createTable: { phase: 'expand', rank: stepRank.createTable },
  // The new code may need the privilege from its first statement; the old one is not hurt by it.
  grantPrivileges: { phase: 'expand', rank: stepRank.grantPrivileges },
  addColumn: { phase: 'expand', rank: stepRank.addColumn },
  alterColumn: { phase: 'expand', rank: stepRank.alterColumn },
  addShadowColumn: { phase: 'expand', rank: stepRank.alterColumn },
  // The new code may read a derived column from its first statement; the old one never writes it.
  createTriggers: { phase: 'expand', rank: stepRank.createTriggers },
  buildIndex: { phase: 'expand', rank: stepRank.buildIndex },
  swapIndex: { phase: 'expand', rank: stepRank.attachIndex },
  attachUnique: { phase: 'expand', rank: stepRank.attachIndex },
  addForeignKey: { phase: 'expand', rank: stepRank.addForeignKey },
  addCheck: { phase: 'expand', rank: stepRank.addCheck },
  // NOT VALID: new writes are checked from then on, old rows only by `validate`.
  addNotNull: { phase: 'expand', rank: stepRank.addCheck },
  // A policy only matters once row-level security is on (enabled in `contract`); one on a table
  // where it is on already takes effect at once, which explain flags when it can hide rows.
  addPolicy: { phase: 'expand', rank: stepRank.addPolicy },
  fillDefault: { phase: 'backfill', rank: stepRank.backfill },
  fillShadowColumn: { phase: 'backfill', rank: stepRank.backfill },
  validate: { phase: 'validate', rank: stepRank.validate },
  // A partitioned table's key on the parent, once each partition's own is valid: it attaches them without reading them.
  attachForeignKey: { phase: 'validate', rank: stepRank.attachForeignKey },
  setNotNull: { phase: 'validate', rank: stepRank.setNotNull },
  // After NOT NULL is proven on its columns, or PostgreSQL would scan for NULLs under ACCESS EXCLUSIVE.
  attachPrimaryKey: { phase: 'validate', rank: stepRank.attachPrimaryKey },
  // The old code may rely on keys and foreign keys (`ON CONFLICT` needs the unique index, a
  // cascade deletes for it), and may still insert without a column whose default goes.
  dropForeignKey: { phase: 'contract', rank: stepRank.dropForeignKey },
  // Row-level security on, or forced, hides from the old code the rows its sessions do not
  // select by the policies' settings: what only the old code could see goes in `contract`,
  // once every policy the new schema has exists.
  enableRowSecurity: { phase: 'contract', rank: stepRank.enableRowSecurity },
  // The old code may still use the policy's rows and the privilege until it is gone.
  dropPolicy: { phase: 'contract', rank: stepRank.dropPolicy },
  revokePrivileges: { phase: 'contract', rank: stepRank.dropPolicy },
  // The old code may still read a derived column kept until then.
  dropTriggers: { phase: 'contract', rank: stepRank.dropTriggers },
  dropTable: { phase: 'contract', rank: stepRank.dropTable },
  dropKey: { phase: 'contract', rank: stepRank.dropConstraint },
  dropDefault: { phase: 'contract', rank: stepRank.dropConstraint },
  dropIndex: { phase: 'contract', rank: stepRank.dropIndex },
  dropColumn: { phase: 'contract', rank: stepRank.dropColumn },
  swapColumn: { phase: 'contract', rank: stepRank.swapColumn },
  dropEnum: { phase: 'contract', rank: stepRank.dropEnum },
} as const satisfies Record<string, Placement>;

/** What a step does, as an operation says it; `stepPlacement` and `placeStep` decide where it runs. */
export type StepAction = keyof typeof stepPlacement;
