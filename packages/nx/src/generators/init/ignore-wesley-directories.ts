import type { Tree } from '@nx/devkit';

/**
 * Adds `.wesley` to the root `.gitignore` unless a line already ignores it: every project's
 * `.wesley/` holds its embedded PostgreSQL data and its `plan` output, neither of which belongs
 * in git — nor in Nx's file hashes, which skip what git ignores.
 */
export function ignoreWesleyDirectories(tree: Tree): boolean {
  const current = tree.exists('.gitignore') ? (tree.read('.gitignore', 'utf-8') ?? '') : '';
  const ignored = current.split(/\r?\n/).some((line) => /^(?:\*\*\/)?\.wesley\/?$/.test(line.trim()));
  if (ignored) return false;
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  tree.write('.gitignore', `${current}${separator}${current === '' ? '' : '\n'}# Wesley: embedded PostgreSQL data and plans\n.wesley\n`);
  return true;
}
