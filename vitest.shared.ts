import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

/**
 * Tests import sibling packages from source, so a change is tested without a rebuild. Exact
 * matches (regular expressions), so `@wesley/postgres` does not also catch its `/testing` subpath.
 */
export const sharedConfig: ViteUserConfig = {
  test: {
    // PostgreSQL's parser, loaded before each test file: tests call compileSchema directly.
    setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
  },
  resolve: {
    alias: [
      { find: /^@wesley\/core$/, replacement: source('core/src/index.ts') },
      { find: /^@wesley\/config$/, replacement: source('config/src/index.ts') },
      { find: /^@wesley\/config\/files$/, replacement: source('config/src/files/index.ts') },
      { find: /^@wesley\/postgres$/, replacement: source('postgres/src/index.ts') },
      { find: /^@wesley\/postgres\/testing$/, replacement: source('postgres/src/testing/index.ts') },
      { find: /^@wesley\/unplugin$/, replacement: source('unplugin/src/index.ts') },
    ],
  },
};
