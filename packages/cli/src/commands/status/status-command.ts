import { defineCommand } from '../define-command.js';
import { statusOptions } from './status-options.js';

/** `wesley status`: which migrations of a directory a database has applied. */
export const statusCommand = defineCommand({
  name: 'status',
  summary: 'show which migrations a database has applied, and which are pending',
  usage: ['wesley status [--dir <dir>] [--database-url <url>] [--json]', 'wesley status --config <file> [--database <name>] [--json]'],
  description: `Compares a migrations directory with the ledger of a database, changing nothing. Each
migration is one of:
  applied        run to the end; with when, by whom and how long it took
  pending        not run yet
  running        started and running now: a migrator holds the migration lock (its pid)
  stopped        started but not finished, and no migrator is running it: a run stopped
                 (--to), failed or was killed; the commands that continue, roll back or
                 resolve it are shown under the table
  edited         applied, but its file changed since: wesley migrate refuses to run
  missing file   applied, but its file is no longer in the directory: wesley migrate
                 refuses to run without --allow-missing
  renamed        pending, but the same file as a migration the database has applied under
                 another name (now missing): wesley migrate refuses to run it again
  out of order   pending, but sorts before a migration the database has already run:
                 wesley migrate refuses to run without --allow-out-of-order`,
  options: statusOptions,
  column: 31,
  footer: 'Exit codes: 0 reported, 1 the database cannot be reached or read, 2 wrong command line.',
  load: async () => (await import('./run-status.js')).runStatus,
});
