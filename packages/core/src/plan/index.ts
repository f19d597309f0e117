export { planMigration, type PlanOptions, type PlanResult, type SourcePosition } from './plan-migration.js';
export { rollbackPlan, type RollbackResult } from './rollback-plan.js';
export { explainPlan, formatExplain, type ExplainRow } from './explain-plan.js';
export { phases, type Phase, type Plan, type PlanStep, type LockClaim, type Backfill, type Rollback } from './plan-types.js';
export { lockModes, blocksReads, blocksWrites, type LockMode } from './lock-mode.js';
export { serverFeatures, supports, type ServerFeature } from './server-features.js';
export { operations, type OperationRegistry } from './operations/index.js';
export type { Operation, OperationResult, PlanContext, PlanIssue, StepDraft } from './operation.js';
