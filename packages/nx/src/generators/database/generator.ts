import { addProjectConfiguration, formatFiles, joinPathFragments, writeJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { initGenerator } from '../init/generator.js';
import { starterSchema } from '@wesley/config/files';

/** Options of `@wesley/nx:database` (see `schema.json`). */
export interface DatabaseGeneratorOptions {
  /** The project's name and directory name. */
  readonly name: string;
  /** The directory the project's directory is created in (default `libs`). */
  readonly directory?: string;
  /** Write a `project.json` (default); without one, the plugin makes the directory a project by itself. */
  readonly projectJson?: boolean;
  /** Comma-separated tags of the project. */
  readonly tags?: string;
  readonly skipFormat?: boolean;
}

/**
 * `nx g @wesley/nx:database <name>`: a database project in `<directory>/<name>/` with a
 * `wesley.config.json`, a starter `schema.graphql`, an empty `migrations/` and (by default) a
 * `project.json`; the plugin is registered (and `@wesley/cli` added) if it is not yet, so the
 * project has its targets at once. Returns the install Nx runs when package.json changed.
 *
 * @throws Error when the name is not a valid project name or the directory is taken.
 */
export async function databaseGenerator(tree: Tree, options: DatabaseGeneratorOptions): Promise<GeneratorCallback> {
  if (!/^[a-z][a-z0-9-]*$/.test(options.name)) {
    throw new Error(`'${options.name}' is not a database project name: lower-case letters, digits and -, starting with a letter`);
  }
  const root = joinPathFragments(options.directory ?? 'libs', options.name);
  if (tree.exists(root)) throw new Error(`${root} already exists: choose another name or --directory`);
  writeJson(tree, joinPathFragments(root, 'wesley.config.json'), {
    schema: 'schema.graphql',
    outDir: 'generated',
    migrations: 'migrations',
  });
  const project = options.name;
  tree.write(
    joinPathFragments(root, 'schema.graphql'),
    starterSchema([
      `The schema of ${project}. Every type marked @wes_table becomes a PostgreSQL table.`,
      `  nx run ${project}:generate   SQL, TypeScript types and Zod validators in generated/`,
      `  nx run ${project}:plan       the migration from the last one to this schema, a preview in .wesley/plan`,
      `  nx g @wesley/nx:migration <name> --project ${project}`,
      `                          the same plan, written as the next numbered migration in migrations/`,
      `  nx run ${project}:migrate    apply migrations/ (DATABASE_URL, else an embedded PostgreSQL)`,
    ]),
  );
  tree.write(joinPathFragments(root, 'migrations', '.gitkeep'), '');
  if (options.projectJson !== false) {
    const tags = (options.tags ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '');
    addProjectConfiguration(tree, options.name, { root, projectType: 'library', tags, targets: {} });
  }
  const install = await initGenerator(tree, { skipFormat: true });
  if (options.skipFormat !== true) await formatFiles(tree);
  return install;
}

export default databaseGenerator;
