import type { ExecutorContext } from '@nx/devkit';
import type { WesleyConfig } from '@wesley/config';
import type { DatabaseExecutorOptions } from './database-executor-options.js';
import { databaseTargetConnection } from './database-target-connection.js';
import { formatSummaryTable, type SummaryRow } from './format-summary-table.js';
import { databaseLine, lineStream } from './line-stream.js';
import { isSet, runDatabase, type DatabaseCommandName } from './run-database.js';
import { taskCliContext } from './task-cli-context.js';

/**
 * Runs `command` for every database of `config` at once, each reached as its own target would
 * reach it in this run's configuration, each run's lines prefixed with its name (`[eu] ...`;
 * JSON events get a `"database"` field). A failure in one — even a thrown bug — leaves the
 * others to finish. Ends with a summary table and a line naming the databases that failed;
 * `true` when none did.
 */
export async function runEveryDatabase(
  command: DatabaseCommandName,
  config: WesleyConfig,
  options: DatabaseExecutorOptions,
  commandFlags: readonly string[],
  context: ExecutorContext,
): Promise<boolean> {
  const rows = await Promise.all(
    config.databases.map(async (database): Promise<SummaryRow> => {
      const connection = databaseTargetConnection(context, command, database.name);
      const base = await taskCliContext(config.directory);
      const stdout = lineStream(base.stdout, databaseLine(database.name));
      const stderr = lineStream(base.stderr, databaseLine(database.name));
      const started = Date.now();
      let exitCode: number;
      try {
        exitCode = await runDatabase(command, config, database, { ...options, ...connection }, commandFlags, { ...base, stdout, stderr });
      } catch (error) {
        stderr.write(`wesley ${command}: ${(error as Error).stack ?? String(error)}\n`);
        exitCode = 1;
      }
      stdout.flush();
      stderr.flush();
      const urlEnv = connection.urlEnv ?? database.urlEnv;
      return { database: database.name, source: isSet(urlEnv) ? urlEnv : 'embedded', exitCode, durationMs: Date.now() - started };
    }),
  );
  const failed = rows.filter((row) => row.exitCode !== 0).map((row) => row.database);
  const out = (await taskCliContext(config.directory)).stdout;
  out.write(`\n${formatSummaryTable(rows)}`);
  out.write(
    `wesley ${command}: ${rows.length - failed.length} of ${rows.length} databases ok${failed.length === 0 ? '' : `; failed: ${failed.join(', ')}`}\n`,
  );
  return failed.length === 0;
}
