import type { CliContext } from '@wesley/cli';
import type { DatabaseConfig, WesleyConfig } from '@wesley/config';
import type { DatabaseExecutorOptions } from './database-executor-options.js';
import { runWesley } from './run-wesley.js';

/** `migrate`, `drift` and `status`: the `wesley` commands that work on a database. */
export type DatabaseCommandName = 'migrate' | 'drift' | 'status' | 'usage';

/** Whether environment variable `name` holds a value. */
export function isSet(name: string): boolean {
  return (process.env[name] ?? '').trim() !== '';
}

/**
 * Runs `wesley <command> --config <file>` for one database of `config`, reading its URL from
 * `options.urlEnv` or the database's own variable, and returns the exit code. With
 * `requireUrl` and the variable unset it fails at once rather than start an embedded server.
 */
export async function runDatabase(
  command: DatabaseCommandName,
  config: WesleyConfig,
  database: DatabaseConfig,
  options: DatabaseExecutorOptions,
  commandFlags: readonly string[],
  cli: CliContext,
): Promise<number> {
  const urlEnv = options.urlEnv ?? database.urlEnv;
  if (options.requireUrl === true && !isSet(urlEnv)) {
    cli.stderr.write(
      `wesley ${command}: database ${database.name}: ${urlEnv} is not set, and requireUrl forbids falling back to the embedded PostgreSQL\n`,
    );
    return 1;
  }
  const selection = config.databases.length > 1 ? ['--database', database.name] : [];
  return runWesley([command, '--config', config.file, ...selection, '--url-env', urlEnv, ...commandFlags], cli);
}
