import { fileURLToPath } from 'node:url';
import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: 'postgres',
      include: ['test/**/*.test.ts'],
      // One embedded PostgreSQL (and the system one, where installed) for the whole run.
      globalSetup: [fileURLToPath(new URL('./src/testing/global-setup.ts', import.meta.url))],
    },
  }),
);
