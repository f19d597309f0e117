import { defineCommand } from '../define-command.js';
import { migrateOptions } from './migrate-options.js';
import { resolveCommand } from './resolve-command.js';
import { rollbackCommand } from './rollback-command.js';

/** `wesley migrate`: apply the pending migrations of a directory. */
export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'apply the pending migrations of a directory to a database',
  usage: [
    'wesley migrate [--dir <dir>] [--database-url <url>] [options]',
    'wesley migrate --config <file> [--database <name>] [options]',
    'wesley migrate rollback <name> [options]             (see wesley migrate rollback --help)',
    'wesley migrate resolve <name> --applied | --rolled-back  (see wesley migrate resolve --help)',
  ],
  subcommands: [rollbackCommand, resolveCommand],
  description: `Applies the pending migrations of a directory, in name order, each exactly once:
  0001_init.sql          a SQL file, run statement by statement (psql's split), one
                         transaction per stretch of statements, CONCURRENTLY ones alone
  0002_add_teams/        a directory written by 'wesley plan --out': its plan.json runs
                         step by step, each transactional step in its own transaction
                         with SET LOCAL lock_timeout, retried with backoff when a lock is
                         not granted; backfills in batches
The ledger (schema wesley in the database) records every committed step, so a run that
stopped or was killed carries on where it ended. One migrator at a time: a second one
waits for the first (--lock-wait), then gives up.
A migration stopped part way (a step failed) is continued by running again, undone by
'wesley migrate rollback <name>', or, when put right by hand, recorded with
'wesley migrate resolve <name> --applied | --rolled-back'; 'wesley status' shows which.`,
  options: migrateOptions,
  column: 31,
  footer: `Exit codes: 0 applied (or nothing to do), 1 a migration failed or was refused (failed step,
applied migration edited or renamed, applied ones missing or new ones out of order without
--allow-missing / --allow-out-of-order, broken plan.json, destructive plan without
--allow-destructive, a blocking step not approved in its plan.json without --allow-blocking,
a SQL file with BEGIN/COMMIT/ROLLBACK of its own, database
unreachable), 2 wrong command line, 3 another migrator held the lock for --lock-wait,
4 stopped before a backfill, validate or contract step outside the config's windows (or
a --wait interrupted): what could run is applied, and the next run goes on.`,
  load: async () => (await import('./run-migrate.js')).runMigrate,
});
