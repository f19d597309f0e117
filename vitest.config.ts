import { defineConfig } from 'vitest/config';
import { projects } from './vitest.workspace.js';

export default defineConfig({
  test: {
    projects: [...projects],
    // `npm run coverage`: V8's own counters over the packages' TypeScript source; the per-package
    // table comes from scripts/coverage-by-package.mjs reading the json-summary.
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      reporter: ['json-summary', 'html'],
      reportsDirectory: 'coverage',
    },
  },
});
