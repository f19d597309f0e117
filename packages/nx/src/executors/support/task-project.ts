import { access } from 'node:fs/promises';
import path from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { configFileNames } from '@wesley/config';

/** The project of a task and its config, as absolute paths. */
export interface TaskProject {
  readonly root: string;
  readonly configFile: string;
}

/**
 * The project a task runs for, and its config: the `configFile` option (relative to the
 * workspace root; the inferred targets set it to `{projectRoot}/wesley.config.*`), else the
 * first `wesley.config.{json,mjs,ts}` in the project root.
 *
 * @throws Error when the task has no project, or no config is named and none is found.
 */
export async function taskProject(configFile: string | undefined, context: ExecutorContext): Promise<TaskProject> {
  const name = context.projectName;
  const project = name === undefined ? undefined : context.projectsConfigurations?.projects[name];
  if (name === undefined || project === undefined) throw new Error('a Wesley executor runs for a project (nx run <project>:<target>)');
  const root = path.resolve(context.root, project.root);
  if (configFile !== undefined) return { root, configFile: path.resolve(context.root, configFile) };
  for (const candidate of configFileNames) {
    const file = path.join(root, candidate);
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      return { root, configFile: file };
  }
  throw new Error(`project ${name} has no ${configFileNames.join(', ')} in ${project.root}: add one, or set the configFile option`);
}
