export { migrate, type MigrateOptions, type MigrateResult } from './migrate.js';
export type { MigrateEvent } from './migrate-events.js';
export { migrationStatus, type MigrationState, type MigrationStatus } from './migration-status.js';
export { listMigrationFiles, type MigrationFile } from './migration-files.js';
export { acquireMigrationLock, MigrationLockTimeoutError, type MigrationLock, type MigrationLockOptions } from './migration-lock.js';
export { advisoryLockKey } from './advisory-lock-key.js';
export { DestructiveMigrationError, InvalidPlanFileError, MigrationEditedError } from './migration-errors.js';
export type { LedgerMigration } from './ledger.js';
