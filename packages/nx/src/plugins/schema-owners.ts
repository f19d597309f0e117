import path from 'node:path';
import type { ProjectConfiguration } from '@nx/devkit';
import { minimatch } from 'minimatch';
import type { ConfigSummary } from './config-summary.js';

/** A project with a Wesley config, and how to tell whether a workspace file is its schema or output. */
export interface SchemaOwner {
  readonly project: string;
  /** Whether `file` (workspace-relative, `/`-separated, normalised) is one of its schema files or generated modules. */
  owns(file: string): boolean;
}

/**
 * The projects whose `metadata.wesley` (set by `createNodes`) names a schema: a file is theirs
 * when it matches a schema glob or lies in the output directory (`generated/zod`,
 * `generated/types.ts`, the directory itself).
 */
export function schemaOwners(projects: Readonly<Record<string, ProjectConfiguration>>): SchemaOwner[] {
  const owners: SchemaOwner[] = [];
  for (const [project, configuration] of Object.entries(projects)) {
    const summary = configuration.metadata?.['wesley'] as ConfigSummary | undefined;
    if (summary === undefined) continue;
    const inRoot = (relative: string) =>
      configuration.root === '.' || configuration.root === '' ? relative : path.posix.join(configuration.root, relative);
    const schema = summary.schema.map(inRoot);
    const outDir = inRoot(summary.outDir);
    owners.push({
      project,
      owns: (file) => schema.some((pattern) => minimatch(file, pattern, { dot: true })) || file === outDir || file.startsWith(`${outDir}/`),
    });
  }
  return owners;
}
