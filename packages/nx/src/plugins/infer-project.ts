import type { ProjectConfiguration } from '@nx/devkit';
import type { ConfigSummary } from './config-summary.js';
import { databaseTargets } from './database-targets.js';
import { generateTarget } from './generate-target.js';
import { lintTarget } from './lint-target.js';
import { planTarget } from './plan-target.js';
import type { TargetNames } from './wesley-plugin-options.js';

/** What the plugin contributes to the project that owns a config: targets, metadata, maybe its name. */
export type InferredProject = Omit<ProjectConfiguration, 'root'>;

/**
 * The inferred part of the project of a config. `name` is given only when neither a
 * `project.json` nor a `package.json` names the project (then the config's directory becomes a
 * project of its own). Pure: same summary, same names, same result.
 */
export function inferProject(summary: ConfigSummary, names: TargetNames, name: string | null): InferredProject {
  const targets = {
    [names.generateTargetName]: generateTarget(summary),
    [names.planTargetName]: planTarget(summary),
    [names.lintTargetName]: lintTarget(summary),
    ...databaseTargets('migrate', names.migrateTargetName, summary),
    ...databaseTargets('drift', names.driftTargetName, summary),
    ...databaseTargets('status', names.statusTargetName, summary),
    ...databaseTargets('usage', names.usageTargetName, summary),
  };
  return {
    ...(name === null ? {} : { name }),
    targets,
    metadata: { technologies: ['wesley'], targetGroups: { Wesley: Object.keys(targets) }, wesley: summary },
  };
}
