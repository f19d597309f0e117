import { fileURLToPath } from 'node:url';
import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: 'cli',
      include: ['test/**/*.test.ts'],
      // Most tests here start the built CLI, often several times in a row, and wait for what it
      // prints: on a loaded 2-core CI machine a single process start can take a second or more,
      // so vitest's 5 s default fails healthy tests (each wait has its own bound in the helpers).
      testTimeout: 30_000,
      // `wesley plan --from <database url>` is tested against the real servers of the run.
      globalSetup: [fileURLToPath(new URL('../postgres/src/testing/global-setup.ts', import.meta.url))],
    },
  }),
);
