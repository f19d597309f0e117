import path from 'node:path';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { configPath } from './config-path.js';
import { wesleyConfigSchema } from './config-schema.js';
import type { DatabaseConfig, WesleyConfig } from './wesley-config.js';
import { parseMigrationWindow } from './migration-window.js';
import { parseUsageWindow } from './usage-window.js';

const help =
  'the fields of wesley.config: schema, outDir, migrations, dts, databases ([{ name, urlEnv, serverVersion }]), serverVersion, lockName, usageWindow, windows, maxReplicaLagMs, heartbeat ({ urlEnv, table, column }), maxActiveSessions, batchTargetMs, batchMinRows, batchMaxRows, scalars ({ Name: "postgres type" }), rls ({ tenantSetting, userSetting })';
const urlHelp =
  'a database URL holds a password, and config files are committed: put the URL in an environment variable and name that variable with `urlEnv`';

/**
 * Checks the default export (or JSON) of config file `file` (absolute) and applies the
 * defaults. `shown` is how messages name the file.
 *
 * @throws ConfigError listing every bad field, each with its path.
 */
export function resolveConfig(value: unknown, file: string, shown: string): WesleyConfig {
  const urlIssues = urlFields(value);
  if (urlIssues.length > 0) throw new ConfigError(shown, urlIssues, urlHelp);
  const parsed = wesleyConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue): ConfigIssue[] => {
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((key) => ({ path: configPath([...issue.path, key]), message: 'is not a field of wesley.config' }));
      // A bad key of a record (`scalars`): the key's own rule says what is wrong with it.
      if (issue.code === 'invalid_key') return issue.issues.map((inner) => ({ path: configPath(issue.path), message: inner.message }));
      return [{ path: configPath(issue.path), message: issue.message }];
    });
    throw new ConfigError(shown, issues, help);
  }
  const config = parsed.data;
  return {
    file,
    directory: path.dirname(file),
    schema: typeof config.schema === 'string' ? [config.schema] : config.schema,
    outDir: config.outDir ?? 'generated',
    migrations: config.migrations ?? 'migrations',
    dts: config.dts ?? false,
    databases: databases(config.databases, config.serverVersion ?? null),
    lockName: config.lockName ?? null,
    usageWindowMs: config.usageWindow === undefined ? null : parseUsageWindow(config.usageWindow),
    windows: (config.windows ?? []).map((text) => parseMigrationWindow(text)).filter((window) => typeof window !== 'string'),
    maxReplicaLagMs: config.maxReplicaLagMs ?? null,
    maxActiveSessions: config.maxActiveSessions ?? null,
    heartbeat: config.heartbeat ?? null,
    batchTargetMs: config.batchTargetMs ?? null,
    batchMinRows: config.batchMinRows ?? null,
    batchMaxRows: config.batchMaxRows ?? null,
    scalars: config.scalars ?? {},
    rls: config.rls ?? {},
  };
}

function databases(
  listed: readonly { name: string; urlEnv?: string | undefined; serverVersion?: number | undefined }[] | undefined,
  serverVersion: number | null,
): DatabaseConfig[] {
  if (listed === undefined) return [{ name: 'default', urlEnv: 'DATABASE_URL', serverVersion }];
  const single = listed.length === 1;
  return listed.map((entry) => ({
    name: entry.name,
    urlEnv: entry.urlEnv ?? (single ? 'DATABASE_URL' : defaultUrlEnv(entry.name)),
    serverVersion: entry.serverVersion ?? serverVersion,
  }));
}

/** `eu-west` -> `EU_WEST_DATABASE_URL`. */
function defaultUrlEnv(name: string): string {
  return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_DATABASE_URL`;
}

/** A `url` at the top level or in a database entry: refused with its own message, before the shape. */
function urlFields(value: unknown): ConfigIssue[] {
  const issue = (at: string): ConfigIssue => ({
    path: at,
    message: 'a database URL does not belong in the config file; it comes from the environment',
  });
  if (!isRecord(value)) return [];
  const found: ConfigIssue[] = [];
  if ('url' in value) found.push(issue('url'));
  const listed = value['databases'];
  if (Array.isArray(listed)) {
    listed.forEach((entry: unknown, index) => {
      if (isRecord(entry) && 'url' in entry) found.push(issue(`databases[${index}].url`));
    });
  }
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
