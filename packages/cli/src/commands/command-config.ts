import path from 'node:path';
import type { CompileOptions } from '@wesley/core';
import type { WesleyConfig } from '@wesley/config';

/**
 * The config named by `--config`, resolved against `cwd`, or `null` without the flag.
 *
 * @throws ConfigError when it cannot be loaded (reported by `runCli`, exit 1).
 */
export async function commandConfig(file: string | undefined, cwd: string): Promise<WesleyConfig | null> {
  if (file === undefined) return null;
  // Imported on use: the loader brings zod (~7 MB), which a command run without --config never needs.
  const { loadConfig } = await import('@wesley/config');
  return loadConfig(file, cwd);
}

/** What the compiler takes from the config: its custom scalars. */
export function compileOptions(config: WesleyConfig | null): CompileOptions {
  return config === null ? {} : { scalars: config.scalars };
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
