import path from 'node:path';
import type { CompileOptions } from '@wesley/core';
import type { WesleyConfig } from '@wesley/config';
import { findConfigFile } from '@wesley/config/files';

/**
 * The config named by `--config`, resolved against `cwd`; without the flag, the `wesley.config.*`
 * of `cwd` or the nearest directory above it (`findConfigFile`), or `null` when there is none.
 * Its directory is the project root: its paths and the embedded database are anchored there.
 *
 * @throws ConfigError when it cannot be loaded (reported by `runCli`, exit 1).
 */
export async function commandConfig(file: string | undefined, cwd: string): Promise<WesleyConfig | null> {
  const found = file ?? (await findConfigFile(cwd));
  if (found === null) return null;
  // Imported on use: the loader brings zod (~7 MB), which a command in a project without a config never needs.
  const { loadConfig } = await import('@wesley/config');
  return loadConfig(found, cwd);
}

/** What the compiler takes from the config: its custom scalars. */
export function compileOptions(config: WesleyConfig | null): CompileOptions {
  return config === null ? {} : { scalars: config.scalars, rls: config.rls };
}

/** The config's schema files and globs as command-line values relative to `cwd`, or `undefined` without a config. */
export function configSchemaPatterns(config: WesleyConfig | null, cwd: string): string[] | undefined {
  return config?.schema.map((pattern) => configRelative(config, pattern, cwd));
}

/**
 * A path or glob of the config (relative to its directory) as a command-line value relative to
 * `cwd`, with `/` separators, so it reads as if it had been typed.
 */
export function configRelative(config: WesleyConfig, value: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(config.directory, value));
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
