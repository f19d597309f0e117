import { formatFiles, type Tree } from '@nx/devkit';
import { ignoreWesleyDirectories } from './ignore-wesley-directories.js';
import { registerPlugin } from './register-plugin.js';

/** Options of `@wesley/nx:init` (see `schema.json`). */
export interface InitGeneratorOptions {
  readonly skipFormat?: boolean;
}

/**
 * `nx g @wesley/nx:init` (and `nx add @wesley/nx`, which runs it): registers the plugin in
 * `nx.json` and ignores `.wesley` directories in git. Running it again changes nothing.
 */
export async function initGenerator(tree: Tree, options: InitGeneratorOptions = {}): Promise<void> {
  registerPlugin(tree);
  ignoreWesleyDirectories(tree);
  if (options.skipFormat !== true) await formatFiles(tree);
}

export default initGenerator;
