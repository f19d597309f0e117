import type { PromiseExecutor } from '@nx/devkit';
import { ConfigError, loadConfig, type WesleyConfig } from '@wesley/config';
import type { DatabaseExecutorOptions } from './database-executor-options.js';
import { runDatabase, type DatabaseCommandName } from './run-database.js';
import { runEveryDatabase } from './run-every-database.js';
import { taskCliContext } from './task-cli-context.js';
import { taskProject } from './task-project.js';

/**
 * An executor that runs `wesley <command> --config <file>` for one database of the config
 * (`database`, or the only one) or, without `database` when the config lists several, for every
 * database at once (see `runEveryDatabase`). `flags` maps the command's own options to flags.
 */
export function databaseExecutor<O extends DatabaseExecutorOptions>(
  command: DatabaseCommandName,
  flags: (options: O) => string[],
): PromiseExecutor<O> {
  return async (options, context) => {
    const notes = (await taskCliContext(context.root)).stderr;
    let config: WesleyConfig;
    try {
      const project = await taskProject(options.configFile, context);
      config = await loadConfig(project.configFile, context.root);
    } catch (error) {
      notes.write(`wesley ${command}: ${(error as Error).message}\n${error instanceof ConfigError ? `  help: ${error.help}\n` : ''}`);
      return { success: false };
    }
    const names = config.databases.map((database) => database.name);
    const single =
      options.database === undefined
        ? names.length === 1
          ? config.databases[0]
          : undefined
        : config.databases.find((database) => database.name === options.database);
    if (options.database !== undefined && single === undefined) {
      notes.write(`wesley ${command}: the config has no database '${options.database}' (it lists ${names.join(', ')})\n`);
      return { success: false };
    }
    if (single === undefined) {
      if (options.urlEnv !== undefined) {
        notes.write(
          `wesley ${command}: urlEnv names the variable of one database; set it on the target of each database (${command}-<name>) instead\n`,
        );
        return { success: false };
      }
      return { success: await runEveryDatabase(command, config, options, flags(options), context) };
    }
    const exitCode = await runDatabase(command, config, single, options, flags(options), await taskCliContext(config.directory));
    // The line that says which database, whatever the command printed before it.
    if (exitCode !== 0) notes.write(`wesley ${command}: database ${single.name}: exit code ${exitCode}\n`);
    return { success: exitCode === 0 };
  };
}
