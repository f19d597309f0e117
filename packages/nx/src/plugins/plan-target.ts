import type { TargetConfiguration } from '@nx/devkit';
import type { ConfigSummary } from './config-summary.js';
import { planDirectory } from './generated-files.js';
import { wesleyPackages } from './generate-target.js';
import { projectPath } from './project-path.js';

/**
 * The `plan` target: the migration from the baseline (the `ir.json` of the last migration
 * directory holding one, else the empty schema) to the current schema, written to
 * `.wesley/plan` and cached. `migrate` never runs it from there: copying the directory into the
 * migrations directory is what makes it a migration (and its `ir.json` the next baseline).
 */
export function planTarget(summary: ConfigSummary): TargetConfiguration {
  const baseline = summary.migrations === '.' ? '*/ir.json' : `${summary.migrations}/*/ir.json`;
  return {
    executor: '@wesley/nx:plan',
    options: { configFile: projectPath(summary.configFile) },
    cache: true,
    inputs: [
      projectPath(summary.configFile),
      ...summary.schema.map(projectPath),
      projectPath(baseline),
      { externalDependencies: [...wesleyPackages] },
    ],
    outputs: [projectPath(planDirectory)],
    metadata: {
      technologies: ['wesley'],
      description: `Plan the migration from the last migration's schema to the current one, into ${planDirectory}`,
    },
  };
}
