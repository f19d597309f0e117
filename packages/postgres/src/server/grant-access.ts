import { chmod, stat } from 'node:fs/promises';
import { dirname, parse } from 'node:path';

/**
 * Lets another (unprivileged) user reach `path`: every directory above it gets the search bit
 * for others (`o+x`: enter, not list) where it lacks it. Needed when root starts the server
 * from a private directory such as a 0700 temp dir or `/root/project`.
 */
export async function grantTraverse(path: string): Promise<void> {
  const { root } = parse(path);
  const chain: string[] = [];
  for (let dir = dirname(path); dir !== root; dir = dirname(dir)) chain.push(dir);
  for (const dir of chain.reverse()) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
  }
}

/** Makes `file` readable and executable by everyone if it is not (a package may lose the bits). */
export async function grantExecute(file: string): Promise<void> {
  const { mode } = await stat(file);
  if ((mode & 0o555) !== 0o555) await chmod(file, (mode & 0o7777) | 0o555);
}
