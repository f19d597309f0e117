import { connect, listMigrationFiles, migrationStatus } from '@wesley/postgres';
import { withDatabase } from '../../database/index.js';
import { displayPath } from '@wesley/config/files';
import { exitCodes } from '../../exit-codes.js';
import { describeFailure, writeFailure } from '../../failure/index.js';
import { migrationsDirectory, readDirectoryPlans } from '../../migrate/index.js';
import { formatNextCommands, formatStatusTable, statusRow, type StatusRow } from '../../status/index.js';
import { commandConfig, configRelative } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import type { statusOptions } from './status-options.js';

const name = 'status';

/** Runs `wesley status` with its parsed flags. */
export const runStatus: CommandRun<typeof statusOptions> = async (values, context) => {
  const json = values.json === true;
  const config = await commandConfig(values.config, context.cwd);
  const dir = values.dir ?? (config === null ? 'migrations' : configRelative(config, config.migrations, context.cwd));
  const directory = await migrationsDirectory(context.cwd, dir, name);
  const shown = displayPath(context.cwd, directory);
  const files = await listMigrationFiles(directory);
  const kinds = new Map(files.map((file) => [file.name, file.kind]));
  const plans = await readDirectoryPlans(files);
  // The flags that named the directory and database, for the commands shown: never a URL, which may hold a password.
  const flags = [
    values.config === undefined ? '' : ` --config ${values.config}`,
    values.dir === undefined ? '' : ` --dir ${values.dir}`,
    values.database === undefined ? '' : ` --database ${values.database}`,
    values['database-url'] === undefined ? '' : ' --database-url <url>',
    values['url-env'] === undefined ? '' : ` --url-env ${values['url-env']}`,
    values['project-root'] === undefined ? '' : ` --project-root ${values['project-root']}`,
  ].join('');
  let url: string | null = null;
  try {
    return await withDatabase(name, { ...values, config }, context, json ? context.stderr : context.stdout, async (target) => {
      url = target.url;
      const session = await connect(target.url);
      let rows: StatusRow[];
      try {
        const statuses = await migrationStatus(session, directory, config?.lockName ?? undefined);
        rows = statuses.map((status) => statusRow(status, kinds.get(status.name), plans.get(status.name)?.steps.length, flags));
      } finally {
        await session.close();
      }
      if (json) {
        context.stdout.write(`${JSON.stringify({ database: target.label, directory: shown, migrations: rows }, null, 2)}\n`);
        return exitCodes.ok;
      }
      if (rows.length > 0) context.stdout.write(formatStatusTable(rows) + formatNextCommands(rows, shown));
      context.stdout.write(`wesley status: ${summary(rows)} in ${shown}\n`);
      return exitCodes.ok;
    });
  } catch (error) {
    return writeFailure(context, name, describeFailure(error, url), { json });
  }
};

/** `2 applied, 1 pending`, in the order of the states' lifecycle; `no migrations` for none. */
function summary(rows: readonly StatusRow[]): string {
  const order = [
    'applied',
    'running',
    'stopped',
    'rolling back',
    'rolled back',
    'pending',
    'edited',
    'missing file',
    'renamed',
    'out of order',
  ] as const;
  const counts = order.map((state) => [state, rows.filter((row) => row.state === state).length] as const).filter(([, n]) => n > 0);
  return counts.length === 0 ? 'no migrations' : counts.map(([state, n]) => `${n} ${state}`).join(', ');
}
