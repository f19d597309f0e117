/**
 * @wesley/nx: the Nx plugin of Wesley. Registered in `nx.json` (`"plugins": ["@wesley/nx"]`), it
 * infers `generate`, `plan`, `migrate`, `drift` and `status` for every project with a
 * `wesley.config.{json,mjs,ts}`, and links the projects that import a schema to its project.
 * The executors and generators are listed in `executors.json` and `generators.json`.
 */
export { createNodes, createNodesV2, createDependencies, type WesleyPluginOptions } from './plugins/plugin.js';
