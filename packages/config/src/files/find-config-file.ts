import { stat } from 'node:fs/promises';
import path from 'node:path';
import { configFileNames } from '../config-file-names.js';

/**
 * The config file of the project `cwd` is in: the first of {@link configFileNames} found in `cwd`,
 * else in its parent, and so on up, as ESLint looks for `eslint.config.js` and git for `.git`.
 * The search ends at the repository root (the first directory holding `.git`), else at the
 * filesystem root, so a config above the repository (in a home directory) is never picked up.
 *
 * @returns the absolute path of the config, or `null` when there is none.
 */
export async function findConfigFile(cwd: string): Promise<string | null> {
  for (let directory = path.resolve(cwd); ; directory = path.dirname(directory)) {
    for (const name of configFileNames) {
      const file = path.join(directory, name);
      if (await isFile(file)) return file;
    }
    const repositoryRoot = await exists(path.join(directory, '.git'));
    if (repositoryRoot || path.dirname(directory) === directory) return null;
  }
}

function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (found) => found.isFile(),
    () => false,
  );
}

function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
