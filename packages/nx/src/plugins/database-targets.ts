import type { TargetConfiguration } from '@nx/devkit';
import type { ConfigSummary } from './config-summary.js';
import { projectPath } from './project-path.js';

/** The commands that work on a live database, never cached: their result is the database's (and `usage` writes a snapshot to it). */
export type DatabaseCommand = 'migrate' | 'drift' | 'status' | 'usage';

const descriptions: Record<DatabaseCommand, string> = {
  migrate: 'Apply the pending migrations',
  drift: 'Compare the live database with the schema',
  status: 'Show which migrations the database has applied',
  usage: 'Report what queries use in the database, and what they never use',
};

/**
 * The targets of `command` (named `targetName`): one for a config with one database; with
 * several, `<targetName>-<database>` per database plus `<targetName>` for all of them. The
 * aggregate `migrate` depends on the per-database ones, so Nx runs those in parallel (or on
 * several agents) first; it then checks each database again and prints a summary table. The
 * aggregate `drift`, `status` and `usage` do not migrate, so they run every database themselves.
 */
export function databaseTargets(command: DatabaseCommand, targetName: string, summary: ConfigSummary): Record<string, TargetConfiguration> {
  const configFile = projectPath(summary.configFile);
  const target = (options: Record<string, unknown>, description: string, dependsOn?: string[]): TargetConfiguration => ({
    executor: `@wesley/nx:${command}`,
    options: { configFile, ...options },
    cache: false,
    ...(dependsOn === undefined ? {} : { dependsOn }),
    metadata: { technologies: ['wesley'], description },
  });
  if (summary.databases.length <= 1) return { [targetName]: target({}, descriptions[command]) };
  const perDatabase = summary.databases.map((database) => [`${targetName}-${database}`, database] as const);
  return {
    ...Object.fromEntries(
      perDatabase.map(([name, database]) => [name, target({ database }, `${descriptions[command]} (database ${database})`)]),
    ),
    [targetName]: target(
      {},
      `${descriptions[command]} (every database: ${summary.databases.join(', ')})`,
      command === 'migrate' ? perDatabase.map(([name]) => name) : undefined,
    ),
  };
}
