import type { Change, ChangeKind, ChangeOf } from '../diff/change.js';
import type { SchemaIR } from '../ir/types.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { PlanStep } from './plan-types.js';
import type { StepAction } from './order/step-placement.js';

/**
 * What an operation knows besides the change itself: the target server, and the two schemas
 * (a change is only the difference; facts such as a table's key or partitioning are read from
 * the schemas with `schema-facts.ts`).
 */
export interface PlanContext {
  /** The schema the database has before the migration. */
  readonly from: SchemaIR;
  /** The schema it has after; changes name tables as it does. */
  readonly to: SchemaIR;
  /** Tables the plan creates (empty: a key on them needs no validation pass). */
  readonly createdTables: ReadonlySet<string>;
  /** Every change of the plan, in the diff's order: for an operation whose steps one pass can share with another change's. */
  readonly changes: readonly Change[];
  /** `server_version_num` of the target server. */
  readonly serverVersion: number;
  /** Rows per backfill batch. */
  readonly batchSize: number;
}

/**
 * A step as an operation describes it: what it does and its facts, without the id, operation
 * kind and impact, which the planner adds, and without its phase, which `plan/order/` gives it.
 */
export interface StepDraft extends Omit<PlanStep, 'kind' | 'id' | 'operation' | 'impact' | 'phase' | 'blocking' | 'approval'> {
  /** Distinguishes the steps of one change in the id (`build`, `attach`, `validate`, ...); `''` for a lone step. */
  readonly part: string;
  /** What the step does; `plan/order/` places it from that (`stepPlacement`, `placeStep`). */
  readonly action: StepAction;
  /**
   * For a step that blocks reads or writes (`stepBlocking` judges that from its facts): what to
   * do instead so that nothing waits, when there is a way.
   */
  readonly alternative?: string;
}

/** Why the planner refuses a change, or warns about a step, and what to do instead. */
export interface PlanIssue {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly help: string;
}

/** Steps, or a refusal; `warnings` are attached either way. */
export type OperationResult =
  { readonly steps: readonly StepDraft[]; readonly warnings?: readonly PlanIssue[] } | { readonly refusal: PlanIssue };

/**
 * One migration operation: turns one kind of change into steps, choosing the pattern that
 * keeps locks short (docs/locks.md has a section per operation). One operation per file in
 * `operations/`.
 */
export interface Operation<K extends ChangeKind> {
  readonly kind: K;
  plan(change: ChangeOf<K>, context: PlanContext): OperationResult;
}
