import { stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '@wesley/config/files';
import { listMigrationFiles } from '@wesley/postgres/run';
import { UsageError } from '../usage-error.js';

/** One SQL file `wesley lint` reads: where it is, and its name as findings print it. */
export interface LintTarget {
  readonly path: string;
  readonly shown: string;
}

/**
 * The SQL files named on the command line, in the order given: a file as it is, a directory as
 * `wesley migrate` lists it (`listMigrationFiles`: its `.sql` files and the `up.sql` of a
 * directory without a plan.json, in name order). Planned migrations are left out: their steps'
 * locks and blocking are in their plan.json, which migrate judges (WES175). A path named twice is
 * read once.
 *
 * @throws UsageError for a path that does not exist.
 */
export async function lintTargets(paths: readonly string[], cwd: string, command: string): Promise<LintTarget[]> {
  const targets = new Map<string, LintTarget>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const found = await stat(absolute).catch(() => null);
    if (found === null) throw new UsageError(`not found: ${displayPath(cwd, absolute)}`, command);
    const files = found.isDirectory()
      ? (await listMigrationFiles(absolute)).filter((file) => file.kind === 'sql').map((file) => file.path)
      : [absolute];
    for (const file of files) targets.set(file, { path: file, shown: displayPath(cwd, file) });
  }
  return [...targets.values()];
}
