import { stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '@wesley/config/files';
import { UsageError } from '../usage-error.js';

/**
 * `--dir` resolved against `cwd`. A directory that does not exist is a mistake on the command
 * line (a typo, or the wrong working directory), not an empty list of migrations.
 *
 * @throws UsageError when it does not exist or is not a directory.
 */
export async function migrationsDirectory(cwd: string, dir: string, command: string): Promise<string> {
  const absolute = path.resolve(cwd, dir);
  const found = await stat(absolute).catch(() => null);
  if (found === null) throw new UsageError(`migrations directory not found: ${displayPath(cwd, absolute)} (pass --dir <dir>)`, command);
  if (!found.isDirectory())
    throw new UsageError(`${displayPath(cwd, absolute)} is not a directory (--dir takes the migrations directory)`, command);
  return absolute;
}
