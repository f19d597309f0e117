import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vitest/config';

const source = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

/** Tests import sibling packages from source, so a change is tested without a rebuild. */
export const sharedConfig: UserConfig = {
  resolve: {
    alias: {
      '@wesley/core': source('core'),
      '@wesley/postgres': source('postgres'),
    },
  },
};
