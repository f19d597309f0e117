import type { TargetConfiguration } from '@nx/devkit';
import type { ConfigSummary } from './config-summary.js';
import { generatedFiles } from './generated-files.js';
import { projectPath } from './project-path.js';

/** The packages whose code decides what `generate` and `plan` write: a new version misses the cache. */
export const wesleyPackages = ['@wesley/cli', '@wesley/core'] as const;

/**
 * The `generate` target: cached, its inputs the config and the schema files, its outputs
 * exactly the files it writes (so a cache hit restores them, and nothing else is touched).
 */
export function generateTarget(summary: ConfigSummary): TargetConfiguration {
  const outputs = generatedFiles.map((file) => projectPath(summary.outDir === '.' ? file : `${summary.outDir}/${file}`));
  if (summary.declarationFile !== null) outputs.push(projectPath(summary.declarationFile));
  return {
    executor: '@wesley/nx:generate',
    options: { configFile: projectPath(summary.configFile) },
    cache: true,
    inputs: [projectPath(summary.configFile), ...summary.schema.map(projectPath), { externalDependencies: [...wesleyPackages] }],
    outputs,
    metadata: { technologies: ['wesley'], description: 'Compile the schema into SQL, TypeScript types, Zod validators and IR JSON' },
  };
}
