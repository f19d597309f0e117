import {
  ConnectionError,
  connectionLost,
  DestructiveMigrationError,
  InvalidDatabaseUrlError,
  InvalidPlanFileError,
  MigrationEditedError,
  MigrationLockTimeoutError,
  redactPassword,
  redactSecrets,
  StepFailedError,
  suppressedErrors,
} from '@wesley/postgres/run';
import { ConfigError } from '@wesley/config/error';
import { exitCodes } from '../exit-codes.js';
import { PlanInputError } from '../plan/plan-input-error.js';
import { UsageError } from '../usage-error.js';
import type { CliFailure } from './cli-failure.js';

/** docs/diagnostics.md#wes161--connection-to-the-database-lost */
const connectionLostCode = 'WES161';
/** docs/diagnostics.md#wes163--internal-error */
const internalCode = 'WES163';

interface Known {
  readonly kind: CliFailure['kind'];
  readonly exitCode: number;
  readonly help: string | null;
  readonly code?: string | null;
  readonly message?: string;
}

/**
 * What to tell the user about `error`, whatever it is: a mistake on the command line (exit 2),
 * a run that failed or was refused, a database that went away (exit 1), or an error nobody
 * expected, which is said to be a bug (exit 1, its stack kept for `WESLEY_DEBUG`). Every text has
 * the password of `url` (every spelling of it) and of any connection string in it removed.
 */
export function describeFailure(error: unknown, url: string | null): CliFailure {
  const redact = (text: string) => (url === null ? redactSecrets(text) : redactPassword(text, url));
  const known = describe(error);
  const message = known.message ?? messageOf(error);
  return {
    kind: known.kind,
    exitCode: known.exitCode,
    error: error instanceof Error ? error.name : typeof error,
    code: known.code !== undefined ? known.code : codeOf(error),
    message: redact(message),
    help: known.help === null ? null : redact(known.help),
    notes: suppressedErrors(error).map(({ during, error: later }) => redact(`${during} failed too: ${messageOf(later)}`)),
    stack: known.kind === 'internal' && error instanceof Error && error.stack !== undefined ? redact(error.stack) : null,
  };
}

function describe(error: unknown): Known {
  const failure = (help: string | null): Known => ({ kind: 'failure', exitCode: exitCodes.failure, help });
  if (error instanceof UsageError) {
    return {
      kind: 'usage',
      exitCode: exitCodes.usage,
      help: error.help ?? `Run '${error.command === null ? 'wesley' : `wesley ${error.command}`} --help' for usage.`,
    };
  }
  if (error instanceof InvalidDatabaseUrlError) return { kind: 'usage', exitCode: exitCodes.usage, help: error.help };
  if (error instanceof ConfigError) return failure(error.help);
  if (error instanceof MigrationLockTimeoutError) {
    return {
      kind: 'failure',
      exitCode: exitCodes.locked,
      help: 'another wesley migrate is running on this database: let it finish, or wait longer with --lock-wait <seconds>',
    };
  }
  // Wesley's own errors carry a code and a help line of their own (a lock lost, a file renamed):
  // theirs is the better help, even when a lost connection caused them.
  const ownHelp = error instanceof Error ? (error as { help?: unknown }).help : undefined;
  if (typeof ownHelp === 'string' && codeOf(error) !== null && !(error instanceof StepFailedError)) return failure(ownHelp);
  if (connectionLost(error)) {
    // A step cut off with its connection did nothing wrong: its message names it, the help says what happened.
    const help =
      'the server restarted or shut down, the session was ended (pg_terminate_backend, idle_session_timeout) or the network dropped: ' +
      'run the command again once the database is reachable; wesley migrate carries on from its last committed step';
    const message = messageOf(error);
    return {
      ...failure(help),
      code: connectionLostCode,
      message: error instanceof StepFailedError ? message : `the connection to the database was lost: ${message}`,
    };
  }
  if (error instanceof MigrationEditedError) {
    return failure('put the file back as it was when it was applied, and make the change in a new migration');
  }
  if (error instanceof DestructiveMigrationError) return failure(null);
  if (error instanceof InvalidPlanFileError) return failure('write the migration again with wesley plan --out <dir>');
  if (error instanceof StepFailedError) return failure(stepFailedHelp(error));
  if (error instanceof ConnectionError || error instanceof PlanInputError) return failure(error.help);
  // PostgreSQL's errors carry a SQLSTATE, the network's an errno code: a database that refused an
  // operation, not a bug.
  if (error instanceof Error && codeOf(error) !== null) return failure(null);
  return {
    kind: 'internal',
    exitCode: exitCodes.failure,
    code: internalCode,
    message: `internal error: ${messageOf(error)}`,
    help: 'this is a bug in Wesley: please report it with the command you ran and this message; WESLEY_DEBUG=1 prints its stack trace',
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** Where a failed step leaves the user: the commands that continue, undo or record the migration it stopped. */
function stepFailedHelp(error: StepFailedError): string {
  const m = error.migration;
  if (m === null) return 'fix the cause and run wesley migrate again: it carries on from this step';
  if (error.stepId.startsWith('rollback:'))
    return `fix the cause and run 'wesley migrate rollback ${m}' again: it carries on from this undo`;
  return (
    `fix the cause and run 'wesley migrate' again (it carries on from this step), or undo what ${m} applied with ` +
    `'wesley migrate rollback ${m}' and plan it again; if you put it right by hand: 'wesley migrate resolve ${m} --applied | --rolled-back'`
  );
}
