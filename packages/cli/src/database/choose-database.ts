import path from 'node:path';
import type { DatabaseConfig, WesleyConfig } from '@wesley/config';
import { UsageError } from '../usage-error.js';
import type { OpenDatabaseOptions } from './open-database.js';

/** The parsed database flags (see `databaseOptions` in commands/), and the `--config` they complete. */
export interface DatabaseFlagValues {
  readonly 'database-url'?: string | undefined;
  readonly 'url-env'?: string | undefined;
  readonly database?: string | undefined;
  readonly 'project-root'?: string | undefined;
  readonly config?: WesleyConfig | null | undefined;
}

/**
 * Where a command's database comes from: `--database-url`, else the environment variable
 * `--url-env` names, else the `urlEnv` of the config's database (`--database <name>` when the
 * config lists several), else `DATABASE_URL`; without a URL, the embedded server of the project
 * root (`--project-root`, else the config's directory, else `cwd`). With several databases in
 * the config, each gets its own embedded cluster, so that they can be migrated in parallel.
 *
 * @throws UsageError when `--database` is used without a config or names none of its databases,
 * or when the config lists several and none is picked.
 */
export function chooseDatabase(command: string, values: DatabaseFlagValues, cwd: string): Omit<OpenDatabaseOptions, 'cwd' | 'env'> {
  const config = values.config ?? null;
  const database = configDatabase(command, config, values.database);
  const projectRoot = values['project-root'] === undefined ? (config?.directory ?? cwd) : path.resolve(cwd, values['project-root']);
  return {
    url: values['database-url'],
    urlEnv: values['url-env'] ?? database?.urlEnv ?? 'DATABASE_URL',
    projectRoot,
    embeddedCluster: config !== null && config.databases.length > 1 && database !== null ? database.name : null,
  };
}

function configDatabase(command: string, config: WesleyConfig | null, name: string | undefined): DatabaseConfig | null {
  if (config === null) {
    if (name !== undefined) throw new UsageError('--database <name> picks a database of the config file: pass --config too', command);
    return null;
  }
  const names = config.databases.map((database) => database.name).join(', ');
  if (name === undefined) {
    if (config.databases.length > 1)
      throw new UsageError(`the config lists several databases (${names}): pick one with --database <name>`, command);
    return config.databases[0] ?? null;
  }
  const found = config.databases.find((database) => database.name === name);
  if (found === undefined) throw new UsageError(`the config has no database '${name}' (it lists ${names})`, command);
  return found;
}
