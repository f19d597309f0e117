import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';

/** The names under which nx.json may already list the plugin. */
const pluginNames = new Set(['@wesley/nx', '@wesley/nx/plugin']);

/** Adds `@wesley/nx` to the `plugins` of `nx.json` unless it is there (in either form); `true` when added. */
export function registerPlugin(tree: Tree): boolean {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  if (plugins.some((entry) => pluginNames.has(typeof entry === 'string' ? entry : entry.plugin))) return false;
  updateNxJson(tree, { ...nxJson, plugins: [...plugins, '@wesley/nx'] });
  return true;
}
