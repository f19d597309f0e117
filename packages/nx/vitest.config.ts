import { fileURLToPath } from 'node:url';
import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

const source = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export default mergeConfig(
  sharedConfig,
  defineProject({
    // The plugin and executors import the CLI; tests take it from source too.
    resolve: {
      alias: [
        { find: /^@wesley\/cli$/, replacement: source('cli/src/index.ts') },
        { find: /^@wesley\/cli\/config$/, replacement: source('cli/src/config/index.ts') },
      ],
    },
    test: {
      name: 'nx',
      include: ['test/**/*.test.ts'],
      // The migrate executor is tested against the real servers of the run.
      globalSetup: [fileURLToPath(new URL('../postgres/src/testing/global-setup.ts', import.meta.url))],
    },
  }),
);
