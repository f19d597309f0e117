import { addDependenciesToPackageJson, formatFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import { pluginVersion } from '../../plugins/plugin-version.js';
import { ignoreWesleyDirectories } from '@wesley/config/files';
import { registerPlugin } from './register-plugin.js';

/** Options of `@wesley/nx:init` (see `schema.json`). */
export interface InitGeneratorOptions {
  readonly skipFormat?: boolean;
}

/**
 * `nx g @wesley/nx:init` (and `nx add @wesley/nx`, which runs it): registers the plugin in
 * `nx.json`, ignores `.wesley` directories in git, and adds `@wesley/cli` (an optional peer: the
 * executors run its commands) to the devDependencies, keeping a version already there. Running
 * it again changes nothing. Returns the install Nx runs when package.json changed.
 */
export async function initGenerator(tree: Tree, options: InitGeneratorOptions = {}): Promise<GeneratorCallback> {
  registerPlugin(tree);
  const gitignore = ignoreWesleyDirectories(tree.exists('.gitignore') ? (tree.read('.gitignore', 'utf-8') ?? '') : '');
  if (gitignore !== null) tree.write('.gitignore', gitignore);
  const install = addDependenciesToPackageJson(tree, {}, { '@wesley/cli': pluginVersion }, undefined, true);
  if (options.skipFormat !== true) await formatFiles(tree);
  return install;
}

export default initGenerator;
