import { fileURLToPath } from 'node:url';
import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: 'postgres',
      include: ['test/**/*.test.ts'],
      // One embedded PostgreSQL (and the system one, where installed) for the whole run; and one
      // word on the real-SQL corpus: a notice when it is absent, a failure when absent in CI.
      globalSetup: [
        fileURLToPath(new URL('./src/testing/global-setup.ts', import.meta.url)),
        fileURLToPath(new URL('./test/fixtures/realsql-setup.ts', import.meta.url)),
      ],
    },
  }),
);
