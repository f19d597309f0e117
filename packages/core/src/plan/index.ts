export { planMigration, type PlanOptions, type PlanResult, type SourcePosition } from './plan-migration.js';
export { rollbackPlan, type RollbackResult } from './rollback-plan.js';
export { undoStep } from './undo-step.js';
export { explainPlan, formatExplain, type ExplainRow } from './explain-plan.js';
export {
  phases,
  type Phase,
  type Plan,
  type PlanStep,
  type LockClaim,
  type Backfill,
  type PerPartition,
  type Rollback,
  type Blocking,
  type Approval,
} from './plan-types.js';
export { lockModes, blocksReads, blocksWrites, lockModesConflict, type LockMode } from './lock-mode.js';
export { lockScopes, lockTarget, type LockScope } from './lock-scope.js';
export { serverFeatures, serverVersionRange, supports, type ServerFeature, type ServerVersionRange } from './server-features.js';
export { planAssumptions, type PlanAssumptions, type TableAssumption } from './plan-assumptions.js';
export { operations, type OperationRegistry } from './operations/index.js';
export type { Operation, OperationResult, PlanContext, PlanIssue, StepDraft } from './operation.js';
export { validatePlan, type PlanProblem, type PlanValidation } from './validate-plan.js';
export { parsePlan, serializePlan } from './plan-file.js';
export { planDataLoss, type StepDataLoss } from './plan-data-loss.js';
export { stepBlocking, describeBlocking, type BlockingFacts } from './step-blocking.js';
export { unapprovedBlocking, type BlockingFinding } from './unapproved-blocking.js';
