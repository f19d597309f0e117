import { listMigrationFiles, migrate, resolveRunOptions, type Allowances } from '@wesley/postgres';
import { databaseFlags, databaseFlagsHelp, withDatabase } from '../database/index.js';
import { displayPath } from '../display-path.js';
import { exitCodes } from '../exit-codes.js';
import { describeFailure, writeFailure } from '../failure/index.js';
import {
  checkTo,
  jsonReporter,
  logReporter,
  migrationsDirectory,
  parseDurationFlag,
  readDirectoryPlans,
  spinnerReporter,
  writeDryRun,
  type MigrateReporter,
} from '../migrate/index.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { commandConfig, configFlag, configRelative } from './command-config.js';
import { parseCommandFlags } from './parse-flags.js';

const name = 'migrate';

const flags = {
  dir: { type: 'string', short: 'd' },
  ...configFlag,
  ...databaseFlags,
  'dry-run': { type: 'boolean' },
  to: { type: 'string' },
  'allow-destructive': { type: 'boolean' },
  'allow-missing': { type: 'boolean' },
  'allow-out-of-order': { type: 'boolean' },
  'lock-timeout': { type: 'string' },
  'statement-timeout': { type: 'string' },
  'lock-wait': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const help = `Usage: wesley migrate [--dir <dir>] [--database-url <url>] [options]
       wesley migrate --config <file> [--database <name>] [options]

Applies the pending migrations of a directory, in name order, each exactly once:
  0001_init.sql          a SQL file, run statement by statement (psql's split), one
                         transaction per stretch of statements, CONCURRENTLY ones alone
  0002_add_teams/        a directory written by 'wesley plan --out': its plan.json runs
                         step by step, each transactional step in its own transaction
                         with SET LOCAL lock_timeout, retried with backoff when a lock is
                         not granted; backfills in batches
The ledger (schema wesley in the database) records every committed step, so a run that
stopped or was killed carries on where it ended. One migrator at a time: a second one
waits for the first (--lock-wait), then gives up.

Options:
  -d, --dir <dir>              the migrations directory (default migrations)
  -c, --config <file>          a wesley.config.json, .mjs or .ts: its migrations directory,
                               database (see --database) and lock name
${databaseFlagsHelp}
      --dry-run                print the SQL that would run now, with its transactions and
                               SET statements; change nothing
      --to <phase|step id>     stop after this phase (expand, backfill, validate, contract) or
                               step of the first planned migration that has it
      --allow-destructive      run planned steps that lose data (drops, narrowing types),
                               judged from the SQL each step runs
      --allow-missing          go on when migrations the database has applied are no
                               longer in the directory
      --allow-out-of-order     run pending migrations that sort before one already applied
      --lock-timeout <ms|1s>   lock_timeout of each transaction (default 1s)
      --statement-timeout <ms|1s>
                               statement_timeout of each transaction (default 0: none)
      --lock-wait <s>          how long to wait for another migrator (default 60)
      --json                   print each event as one line of JSON, then a summary line
  -h, --help                   show this help

Exit codes: 0 applied (or nothing to do), 1 a migration failed or was refused (failed step,
applied migration edited or renamed, applied ones missing or new ones out of order without
--allow-missing / --allow-out-of-order, broken plan.json, destructive plan without
--allow-destructive, a SQL file with BEGIN/COMMIT/ROLLBACK of its own, database
unreachable), 2 wrong command line, 3 another migrator held the lock for --lock-wait.
`;

/** `wesley migrate`: apply the pending migrations of a directory. */
export const migrateCommand: Command = {
  name,
  summary: 'apply the pending migrations of a directory to a database',
  help,
  async run(args, context) {
    const values = parseCommandFlags(name, help, args, flags, context.stdout);
    if (values === null) return exitCodes.ok;
    const dryRun = values['dry-run'] === true;
    const json = values.json === true;
    if (dryRun && json) throw new UsageError('--dry-run prints SQL and --json prints events; pick one', name);
    // With --json, every failure from here on ends in the summary line, a wrong flag value included.
    let reporter: MigrateReporter | null = json ? jsonReporter(context) : null;
    const started = Date.now();
    let url: string | null = null;
    try {
      const lockTimeoutMs = parseDurationFlag(values['lock-timeout'], '--lock-timeout', { unit: 'ms', zero: null }, name);
      const statementTimeoutMs = parseDurationFlag(
        values['statement-timeout'],
        '--statement-timeout',
        { unit: 'ms', zero: 'no statement timeout' },
        name,
      );
      const lockWaitMs = parseDurationFlag(values['lock-wait'], '--lock-wait', { unit: 's', zero: 'one try, no wait' }, name);
      const config = await commandConfig(values.config, context.cwd);
      const dirFlag = values.dir ?? (config === null ? 'migrations' : configRelative(config, config.migrations, context.cwd));
      const directory = await migrationsDirectory(context.cwd, dirFlag, name);
      const files = await listMigrationFiles(directory);
      const plans = await readDirectoryPlans(files);
      if (values.to !== undefined) checkTo(values.to, plans, name);

      // Standard output stays machine-readable with --json, and valid SQL with --dry-run.
      const notes = json || dryRun ? context.stderr : context.stdout;
      if (!dryRun && !json) {
        // A terminal that reports no width (some pseudo-terminals) cannot hold a redrawn line.
        reporter =
          context.terminal !== undefined && (context.terminal.columns ?? 0) > 0
            ? spinnerReporter(context.terminal, context, plans)
            : logReporter(context, plans);
      }
      const progress = reporter;
      return await withDatabase(name, { ...values, config }, context, notes, async (target) => {
        url = target.url;
        if (dryRun) {
          const timeouts = resolveRunOptions({
            ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }),
            ...(statementTimeoutMs === undefined ? {} : { statementTimeoutMs }),
          });
          const options = {
            directory,
            shownDirectory: displayPath(context.cwd, directory),
            files,
            allow: allowances(values),
            to: values.to,
            timeouts,
          };
          await writeDryRun(target, options, (text) => context.stdout.write(text));
          return exitCodes.ok;
        }
        const result = await migrate({
          url: target.url,
          directory,
          ...allowances(values),
          ...(values.to === undefined ? {} : { to: values.to }),
          lock: {
            ...(lockWaitMs === undefined ? {} : { timeoutMs: lockWaitMs }),
            ...(config?.lockName == null ? {} : { name: config.lockName }),
          },
          ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }),
          ...(statementTimeoutMs === undefined ? {} : { statementTimeoutMs }),
          onEvent: (event) => progress?.event(event),
        });
        progress?.finish({
          kind: 'done',
          applied: result.applied,
          stoppedIn: result.stoppedIn,
          total: files.length,
          durationMs: Date.now() - started,
        });
        return exitCodes.ok;
      });
    } catch (error) {
      const failure = describeFailure(error, url);
      if (reporter === null) return writeFailure(context, name, failure);
      reporter.finish({ kind: 'failed', failure, durationMs: Date.now() - started });
      return failure.exitCode;
    }
  },
};

/** The `--allow-*` flags, as `migrate()` and the dry run take them. */
function allowances(values: {
  readonly 'allow-destructive'?: boolean;
  readonly 'allow-missing'?: boolean;
  readonly 'allow-out-of-order'?: boolean;
}): Allowances {
  return {
    allowDestructive: values['allow-destructive'] === true,
    allowMissing: values['allow-missing'] === true,
    allowOutOfOrder: values['allow-out-of-order'] === true,
  };
}
