import { connect, listMigrationFiles, migrationStatus } from '@wesley/postgres';
import { withDatabase } from '../../database/index.js';
import { displayPath } from '@wesley/config/files';
import { exitCodes } from '../../exit-codes.js';
import { describeFailure, writeFailure } from '../../failure/index.js';
import type { MigrationWindow } from '@wesley/config';
import { migrationWindows, migrationsDirectory, readDirectoryPlans } from '../../migrate/index.js';
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
      const windows = config === null || config.windows.length === 0 ? null : await windowsNow(config.windows);
      if (json) {
        const document = {
          database: target.label,
          directory: shown,
          migrations: rows,
          ...(windows === null ? {} : { windows: windows.json }),
        };
        context.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
        return exitCodes.ok;
      }
      if (rows.length > 0) context.stdout.write(formatStatusTable(rows) + formatNextCommands(rows, shown));
      context.stdout.write(`wesley status: ${summary(rows)} in ${shown}\n`);
      if (windows !== null) context.stdout.write(`wesley status: ${windows.line}\n`);
      return exitCodes.ok;
    });
  } catch (error) {
    return writeFailure(context, name, describeFailure(error, url), { json });
  }
};

/**
 * The config's migration windows now, as `wesley migrate` will find them: open (until when) or
 * closed (the next opening, in its window's zone and UTC).
 */
async function windowsNow(windows: readonly MigrationWindow[]): Promise<{ line: string; json: unknown }> {
  const state = (await migrationWindows(windows)).at(Date.now());
  const listed = windows.map((window) => window.text);
  if (state.open) {
    const closesAt = new Date(state.closesAtMs).toISOString();
    return { line: `a migration window is open until ${closesAt} (${listed.join(', ')})`, json: { windows: listed, open: true, closesAt } };
  }
  return {
    line: `outside the migration windows: backfill, validate and contract steps wait for the next, which opens at ${state.opensAt}`,
    json: { windows: listed, open: false, opensAt: new Date(state.opensAtMs).toISOString() },
  };
}

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
