/**
 * The test projects, one per package. `vitest.config.ts` reads this list (Vitest 4 folded
 * workspaces into `test.projects`); keeping it here keeps the layout that
 * docs/architecture.md#packages names.
 */
export const projects = [
  'packages/core',
  'packages/config',
  'packages/postgres',
  'packages/unplugin',
  'packages/cli',
  'packages/nx',
  'packages/eslint-plugin',
] as const;
