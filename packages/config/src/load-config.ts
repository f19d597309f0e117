import path from 'node:path';
import { displayPath } from './files/display-path.js';
import { readConfigValue } from './read-config-value.js';
import { resolveConfig } from './resolve-config.js';
import type { WesleyConfig } from './wesley-config.js';

/**
 * Loads `wesley.config.json`, `.mjs` or `.ts` (`file`, resolved against `cwd`), checks its shape
 * and applies the defaults. Messages name the file relative to `cwd`.
 *
 * @throws ConfigError when the file cannot be read or evaluated, or a field is wrong.
 */
export async function loadConfig(file: string, cwd: string = process.cwd()): Promise<WesleyConfig> {
  const absolute = path.resolve(cwd, file);
  const shown = displayPath(cwd, absolute);
  return resolveConfig(await readConfigValue(absolute, shown), absolute, shown);
}
