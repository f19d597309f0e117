import { fileURLToPath } from 'node:url';
import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: 'cli',
      include: ['test/**/*.test.ts'],
      // `wesley plan --from <database url>` is tested against the real servers of the run.
      globalSetup: [fileURLToPath(new URL('../postgres/src/testing/global-setup.ts', import.meta.url))],
    },
  }),
);
