import type { TargetConfiguration } from '@nx/devkit';
import type { ConfigSummary } from './config-summary.js';
import { wesleyPackages } from './generate-target.js';
import { projectPath } from './project-path.js';

/**
 * The `lint` target: `wesley lint` of the config's migrations directory, what each hand-written
 * statement locks and blocks, for the config's server version. Cached: it reads files alone
 * (never a database), so its inputs are the config and the migrations' SQL files, and it writes
 * nothing.
 */
export function lintTarget(summary: ConfigSummary): TargetConfiguration {
  const sql = summary.migrations === '.' ? '**/*.sql' : `${summary.migrations}/**/*.sql`;
  return {
    executor: '@wesley/nx:lint',
    options: { configFile: projectPath(summary.configFile) },
    cache: true,
    inputs: [projectPath(summary.configFile), projectPath(sql), { externalDependencies: [...wesleyPackages] }],
    outputs: [],
    metadata: {
      technologies: ['wesley'],
      description: `Report the statements of the SQL migrations in ${summary.migrations} that block reads or writes`,
    },
  };
}
