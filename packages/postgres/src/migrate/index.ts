export { migrate, type MigrateOptions, type MigrateResult } from './migrate.js';
export type { MigrateEvent } from './migrate-events.js';
export { migrationStatus, type MigrationState, type MigrationStatus } from './migration-status.js';
export { listMigrationFiles, type MigrationFile } from './migration-files.js';
export { acquireMigrationLock, MigrationLockTimeoutError, type MigrationLock, type MigrationLockOptions } from './migration-lock.js';
export { MigrationLockLostError } from './migration-lock-lost-error.js';
export { advisoryLockKey } from './advisory-lock-key.js';
export { DestructiveMigrationError, InvalidPlanFileError, MigrationEditedError } from './migration-errors.js';
export { BlockingMigrationError, type MigrationBlocking } from './blocking-migration-error.js';
export { SqlHazardError } from './sql-hazard-error.js';
export { hasLedger, readMigrations, readSteps, type LedgerMigration, type LedgerStep } from './ledger.js';
export { readPlanFile } from './read-plan-file.js';
export { stepsUpTo } from './steps-up-to.js';
export { destructiveSteps } from './destructive-steps.js';
export { needsOwnTransaction, transactionControlIn } from './transaction-rules.js';
export { TransactionControlError } from './transaction-control-error.js';
export { MissingMigrationError, OutOfOrderMigrationError, RenamedMigrationError } from './history-errors.js';
export { pendingMigrations, type Allowances, type PendingMigrations } from './pending-migrations.js';
export { rollbackMigration, type RollbackOptions, type RollbackResult } from './rollback-migration.js';
export { IrreversibleStepsError, MigrationStateError, NoRecordedRollbackError } from './rollback-errors.js';
export { AssumedFactError, PlanChainError, ServerVersionMismatchError, type FactMismatch } from './assumption-errors.js';
export { resolveMigration, type ResolveOptions, type ResolveResult } from './resolve-migration.js';
export { CatalogContradictsError } from './catalog-contradicts-error.js';
export {
  migrationGate,
  systemClock,
  type GateStop,
  type MigrationClock,
  type MigrationGate,
  type MigrationWindows,
  type ThrottleLimits,
} from './migration-gate.js';
export { readHeartbeatLag, readServerLoad, type ReplicaHeartbeat, type ServerLoad } from './read-server-load.js';
