import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const root = new URL('./packages/', import.meta.url);

/**
 * Every entry point of the packages the others build on, to its source: each `exports` entry's
 * `source` condition in the package's own package.json (the one place a subpath is declared), as
 * an exact match (a regular expression), so `@wesley/postgres` does not also catch its
 * `/testing` subpath. Read from the exports rather than listed here, so that a subpath added to a
 * package cannot be left resolving to its build: a class imported through it would then be a
 * second copy, and `instanceof` across the two would fail. The CLI and Nx packages are left to
 * their builds: their tests run the built command as a user does.
 */
function sourceAliases(dirs: readonly string[]): { find: RegExp; replacement: string }[] {
  return dirs.flatMap((dir) => {
    const manifest = JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8')) as {
      name: string;
      exports: Record<string, string | { source?: string }>;
    };
    return Object.entries(manifest.exports).flatMap(([subpath, target]) => {
      if (typeof target === 'string' || target.source === undefined) return [];
      const specifier = `${manifest.name}${subpath.slice(1)}`.replace(/[/.]/g, (c) => `\\${c}`);
      return [{ find: new RegExp(`^${specifier}$`), replacement: fileURLToPath(new URL(`${dir}/${target.source}`, root)) }];
    });
  });
}

/** Tests import sibling packages from source, so a change is tested without a rebuild. */
export const sharedConfig: ViteUserConfig = {
  test: {
    // PostgreSQL's parser, loaded before each test file: tests call compileSchema directly.
    setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
  },
  resolve: {
    alias: sourceAliases(['core', 'config', 'postgres', 'unplugin']),
  },
};
