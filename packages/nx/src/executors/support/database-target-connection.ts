import type { ExecutorContext } from '@nx/devkit';
import type { DatabaseExecutorOptions } from './database-executor-options.js';

/**
 * How the project's own target for database `database` connects (`urlEnv`, `requireUrl`) in
 * the configuration this task runs with: the target of `@wesley/nx:<command>` whose `database`
 * option is that database, its options overlaid by the configuration's. An aggregate run
 * (`nx run db:migrate:production`) thereby reaches each database exactly as
 * `nx run db:migrate-eu:production` would. Empty when the project has no such target.
 */
export function databaseTargetConnection(
  context: ExecutorContext,
  command: string,
  database: string,
): Pick<DatabaseExecutorOptions, 'urlEnv' | 'requireUrl'> {
  const targets = context.projectName === undefined ? undefined : context.projectsConfigurations?.projects[context.projectName]?.targets;
  const target = Object.values(targets ?? {}).find(
    (candidate) =>
      candidate.executor === `@wesley/nx:${command}` && (candidate.options as DatabaseExecutorOptions | undefined)?.database === database,
  );
  if (target === undefined) return {};
  const configured = (context.configurationName === undefined ? undefined : target.configurations?.[context.configurationName]) as
    DatabaseExecutorOptions | undefined;
  const options = { ...(target.options as DatabaseExecutorOptions | undefined), ...configured };
  return {
    ...(options.urlEnv === undefined ? {} : { urlEnv: options.urlEnv }),
    ...(options.requireUrl === undefined ? {} : { requireUrl: options.requireUrl }),
  };
}
