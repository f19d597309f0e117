import { readdir } from 'node:fs/promises';
import { UsageError } from '../usage-error.js';

/** What a migration name may hold: it becomes a directory name and part of the ledger's identity. */
const slugPattern = /^[a-z0-9_]{1,63}$/;

/** The leading number of a migration's file or directory name (`0002` of `0002_add_teams`). */
const numberPattern = /^(\d+)(?:_|\.sql$|$)/;

/** Digits of the first migration's number when the directory has none to follow. */
const defaultWidth = 4;

/**
 * The directory name `wesley plan --name <slug>` writes in `directory`: the number after the
 * highest that starts a name there (a planned directory or a SQL file), with as many digits as
 * that one (so the new name sorts after it: `010_x` is followed by `011_`, never `0011_`,
 * which would sort first), else `0001`; then `_<slug>`.
 *
 * @throws UsageError (WES371, exit 2) when `slug` is not lower-case letters, digits and `_`; a
 * UsageError when `directory` is a file.
 */
export async function nextMigrationName(directory: string, slug: string, command: string): Promise<string> {
  if (!slugPattern.test(slug)) {
    throw new UsageError(`'${slug}' is not a migration name: lower-case letters, digits and _, at most 63 of them`, command, {
      code: 'WES371',
      help: 'name the change as a directory would: --name add_teams',
    });
  }
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    if (error.code === 'ENOTDIR') throw new UsageError(`${directory} is a file, not the migrations directory`, command);
    throw error;
  });
  let highest: string | null = null;
  for (const name of names) {
    const digits = numberPattern.exec(name)?.[1];
    if (digits !== undefined && (highest === null || BigInt(digits) > BigInt(highest))) highest = digits;
  }
  const next = highest === null ? 1n : BigInt(highest) + 1n;
  return `${String(next).padStart(highest?.length ?? defaultWidth, '0')}_${slug}`;
}
