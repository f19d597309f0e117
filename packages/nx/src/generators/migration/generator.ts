import path from 'node:path';
import type { GeneratorCallback, Tree } from '@nx/devkit';
import { runWesley } from '../../executors/support/run-wesley.js';
import { taskCliContext } from '../../executors/support/task-cli-context.js';
import { projectConfigFile } from './project-config-file.js';

/** Options of `@wesley/nx:migration` (see `schema.json`). */
export interface MigrationGeneratorOptions {
  /** The migration's name: `add_teams` becomes `migrations/0002_add_teams`. */
  readonly name: string;
  /** The Wesley project; the workspace's only one when absent. */
  readonly project?: string;
}

/**
 * `nx g @wesley/nx:migration add_teams [--project db]`: the project's plan, from the last
 * migration to its schema, written as the next numbered directory of its migrations directory.
 * It is `wesley plan --config <the project's config> --name <name>`, run in this process once Nx
 * has written the tree (the returned callback), so the numbering, the name's rule (WES371) and
 * the files are the command's; `--dry-run` runs nothing. The cached `plan` target stays the
 * preview, in `.wesley/plan`.
 *
 * @throws Error when the project is not a Wesley project, or none is given and several exist;
 * the callback throws when the command fails (its own message printed before).
 */
export function migrationGenerator(tree: Tree, options: MigrationGeneratorOptions): GeneratorCallback {
  const configFile = path.join(tree.root, projectConfigFile(tree, options.project));
  return async () => {
    const projectRoot = path.dirname(configFile);
    const code = await runWesley(
      ['plan', '--config', path.basename(configFile), '--name', options.name],
      await taskCliContext(projectRoot),
    );
    if (code !== 0) throw new Error(`wesley plan --name ${options.name} failed (exit code ${code})`);
  };
}

export default migrationGenerator;
