/**
 * `@wesley/core/run`: what running a migration needs, and no more — the step session, plan.json
 * (its types, reader and writer), the data a plan's steps lose, and the SQL parser's transaction
 * rules, what queries use (`attributeQuery`, for the usage gate). No SDL compiler, so no
 * graphql: `wesley migrate` loads this, not the whole core, to stay small beside the statements
 * it streams. Everything here is also exported by `@wesley/core`.
 */
export {
  beginStepSql,
  concurrentLockTimeoutSql,
  maxTimeoutMs,
  retryWaitMs,
  stepSessionDefaults,
  type StepHolderWait,
  type StepRetries,
  type StepTimeouts,
} from './step-session.js';
export { batchSizingDefaults, firstBatchSize, maxBatchGrowth, nextBatchSize, type BatchSizing } from './batch-sizing.js';
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
} from '../plan/plan-types.js';
export { blocksWrites, lockModesConflict, type LockMode } from '../plan/lock-mode.js';
export { parsePlan, serializePlan } from '../plan/plan-file.js';
export type { PlanAssumptions, TableAssumption } from '../plan/plan-assumptions.js';
export { serverVersionRange, type ServerVersionRange } from '../plan/server-features.js';
export type { PlanProblem, PlanValidation } from '../plan/validate-plan.js';
export { planDataLoss, type StepDataLoss } from '../plan/plan-data-loss.js';
export { unapprovedBlocking, type BlockingFinding } from '../plan/unapproved-blocking.js';
export { describeBlocking } from '../plan/step-blocking.js';
export { undoStep } from '../plan/undo-step.js';
export { loadSqlParser, parseSql, type ParsedStatement, type SqlParse } from '../sql/sql-parser.js';
export { transactionControl } from '../sql/transaction-control.js';
export { quoteIdent } from '../naming/quote-ident.js';
export { partitionIndexName } from '../naming/partition-index-name.js';
export { codeFrame, type CodeFramePart } from '../diagnostics/code-frame.js';
export { partitionTreeSql } from '../sql/partition-tree-sql.js';
export { partitionLeftoversSql } from '../sql/partition-leftovers-sql.js';
export {
  classifyStatement,
  lintSql,
  lintRules,
  type LintCatalog,
  type LintFinding,
  type LintInput,
  type LintReport,
  type LintRule,
  type LintTableFacts,
} from '../lint/index.js';
// Usage: the migrator's usage gate judges a contract step from a fresh read of the server's statistics.
export * from '../usage/index.js';
