import { readNxJson, updateNxJson, writeJson, type Tree } from '@nx/devkit';

/** The names under which nx.json may already list the plugin. */
const pluginNames = new Set(['@wesley/nx', '@wesley/nx/plugin']);

/**
 * Adds `@wesley/nx` to the `plugins` of `nx.json` unless it is there (in either form); `true` when
 * added. Without an `nx.json` (a workspace `nx add` or `nx init` started in a plain npm project),
 * writes a minimal one registering the plugin: the devkit's `updateNxJson` writes nothing when the
 * file is missing, which left the plugin silently unregistered.
 */
export function registerPlugin(tree: Tree): boolean {
  const nxJson = readNxJson(tree);
  if (nxJson === null) {
    writeJson(tree, 'nx.json', { $schema: './node_modules/nx/schemas/nx-schema.json', plugins: ['@wesley/nx'] });
    return true;
  }
  const plugins = nxJson.plugins ?? [];
  if (plugins.some((entry) => pluginNames.has(typeof entry === 'string' ? entry : entry.plugin))) return false;
  updateNxJson(tree, { ...nxJson, plugins: [...plugins, '@wesley/nx'] });
  return true;
}
