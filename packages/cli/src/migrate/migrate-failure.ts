import {
  ConnectionError,
  DestructiveMigrationError,
  InvalidPlanFileError,
  MigrationEditedError,
  MigrationLockTimeoutError,
  redactPassword,
  StepFailedError,
} from '@wesley/postgres';
import { exitCodes } from '../exit-codes.js';
import { PlanInputError } from '../plan/index.js';
import type { MigrateFailure } from './migrate-outcome.js';

/**
 * What to tell the user about an error of a run against `url`, or `null` for an error that is
 * a bug (it propagates). Expected failures are the migrator's own errors, an unusable database,
 * and errors PostgreSQL or the network reported (they carry a `code`); every message has the
 * password of `url` removed.
 */
export function migrateFailure(error: unknown, url: string | null): MigrateFailure | null {
  const known = describe(error);
  if (known === null) return null;
  const redact = (text: string) => (url === null ? text : redactPassword(text, url));
  const message = redact(error instanceof Error ? error.message : String(error));
  return { ...known, error: error instanceof Error ? error.name : 'Error', message, help: known.help === null ? null : redact(known.help) };
}

function describe(error: unknown): { exitCode: number; help: string | null } | null {
  const failure = (help: string | null) => ({ exitCode: exitCodes.failure, help });
  if (error instanceof MigrationLockTimeoutError) {
    return {
      exitCode: exitCodes.locked,
      help: 'another wesley migrate is running on this database: let it finish, or wait longer with --lock-wait <seconds>',
    };
  }
  if (error instanceof MigrationEditedError) {
    return failure('put the file back as it was when it was applied, and make the change in a new migration');
  }
  if (error instanceof DestructiveMigrationError) return failure(null);
  if (error instanceof InvalidPlanFileError) return failure('write the migration again with wesley plan --out <dir>');
  if (error instanceof StepFailedError) return failure('fix the cause and run wesley migrate again: it carries on from this step');
  if (error instanceof ConnectionError || error instanceof PlanInputError) return failure(error.help);
  // PostgreSQL's errors carry a SQLSTATE, the network's an errno code: a database that went
  // away or refused an operation, not a bug.
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') return failure(null);
  return null;
}
