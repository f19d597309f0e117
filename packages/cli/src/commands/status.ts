import { connect, listMigrationFiles, migrationStatus } from '@wesley/postgres';
import { databaseFlags, databaseFlagsHelp, withDatabase } from '../database/index.js';
import { displayPath } from '../display-path.js';
import { exitCodes } from '../exit-codes.js';
import { describeFailure, failureJson, writeFailure } from '../failure/index.js';
import { migrationsDirectory, readDirectoryPlans } from '../migrate/index.js';
import { formatStatusTable, statusRow, type StatusRow } from '../status/index.js';
import type { Command } from './command.js';
import { commandConfig, configFlag, configRelative } from './command-config.js';
import { parseCommandFlags } from './parse-flags.js';

const name = 'status';

const flags = {
  dir: { type: 'string', short: 'd' },
  ...configFlag,
  ...databaseFlags,
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const help = `Usage: wesley status [--dir <dir>] [--database-url <url>] [--json]
       wesley status --config <file> [--database <name>] [--json]

Compares a migrations directory with the ledger of a database, changing nothing. Each
migration is one of:
  applied        run to the end; with when, by whom and how long it took
  pending        not run yet
  in progress    started but not finished: a run stopped (--to), failed or was killed,
                 or is running now; wesley migrate carries on from where it is
  edited         applied, but its file changed since: wesley migrate refuses to run
  missing file   applied, but its file is no longer in the directory: wesley migrate
                 refuses to run without --allow-missing
  renamed        pending, but the same file as a migration the database has applied under
                 another name (now missing): wesley migrate refuses to run it again
  out of order   pending, but sorts before a migration the database has already run:
                 wesley migrate refuses to run without --allow-out-of-order

Options:
  -d, --dir <dir>              the migrations directory (default migrations)
  -c, --config <file>          a wesley.config.json, .mjs or .ts: its migrations directory
                               and database (see --database)
${databaseFlagsHelp}
      --json                   print the report as JSON
  -h, --help                   show this help

Exit codes: 0 reported, 1 the database cannot be reached or read, 2 wrong command line.
`;

/** `wesley status`: which migrations of a directory a database has applied. */
export const statusCommand: Command = {
  name,
  summary: 'show which migrations a database has applied, and which are pending',
  help,
  async run(args, context) {
    const values = parseCommandFlags(name, help, args, flags, context.stdout);
    if (values === null) return exitCodes.ok;
    const json = values.json === true;
    const config = await commandConfig(values.config, context.cwd);
    const dir = values.dir ?? (config === null ? 'migrations' : configRelative(config, config.migrations, context.cwd));
    const directory = await migrationsDirectory(context.cwd, dir, name);
    const shown = displayPath(context.cwd, directory);
    const files = await listMigrationFiles(directory);
    const kinds = new Map(files.map((file) => [file.name, file.kind]));
    const plans = await readDirectoryPlans(files);
    let url: string | null = null;
    try {
      return await withDatabase(name, { ...values, config }, context, json ? context.stderr : context.stdout, async (target) => {
        url = target.url;
        const session = await connect(target.url);
        let rows: StatusRow[];
        try {
          const statuses = await migrationStatus(session, directory);
          rows = statuses.map((status) => statusRow(status, kinds.get(status.name), plans.get(status.name)?.steps.length));
        } finally {
          await session.close();
        }
        if (json) {
          context.stdout.write(`${JSON.stringify({ database: target.label, directory: shown, migrations: rows }, null, 2)}\n`);
          return exitCodes.ok;
        }
        if (rows.length > 0) context.stdout.write(formatStatusTable(rows));
        context.stdout.write(`wesley status: ${summary(rows)} in ${shown}\n`);
        return exitCodes.ok;
      });
    } catch (error) {
      const failure = describeFailure(error, url);
      if (json)
        context.stdout.write(`${JSON.stringify({ ok: false, exitCode: failure.exitCode, error: failureJson(failure) }, null, 2)}\n`);
      return writeFailure(context, name, failure);
    }
  },
};

/** `2 applied, 1 pending`, in the order of the states' lifecycle; `no migrations` for none. */
function summary(rows: readonly StatusRow[]): string {
  const order = ['applied', 'in progress', 'pending', 'edited', 'missing file', 'renamed', 'out of order'] as const;
  const counts = order.map((state) => [state, rows.filter((row) => row.state === state).length] as const).filter(([, n]) => n > 0);
  return counts.length === 0 ? 'no migrations' : counts.map(([state, n]) => `${n} ${state}`).join(', ');
}
