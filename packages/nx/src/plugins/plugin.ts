import path from 'node:path';
import type { CreateDependencies, CreateNodes } from '@nx/devkit';
import { hashObject, workspaceDataDirectory } from '@nx/devkit/internal';
import { createWesleyDependencies } from './create-wesley-dependencies.js';
import { createWesleyNodes } from './create-wesley-nodes.js';
import type { WesleyPluginOptions } from './wesley-plugin-options.js';

export type { WesleyPluginOptions } from './wesley-plugin-options.js';

/** Every Wesley config of the workspace. */
const configGlob = '**/wesley.config.{json,mjs,ts}';

/**
 * Infers `generate`, `plan`, `lint`, `migrate`, `drift`, `status` and `usage` for the project of every
 * `wesley.config.{json,mjs,ts}` (batched: one call for all the files). The inference is cached
 * in Nx's workspace data directory, one file per set of plugin options, as the official plugins do.
 */
export const createNodes: CreateNodes<WesleyPluginOptions> = [
  configGlob,
  (configFiles, options, context) =>
    createWesleyNodes(configFiles, options, context, path.join(workspaceDataDirectory, `wesley-${hashObject(options ?? {})}.hash`)),
];

/** The same tuple under the name Nx 19 and 20 look for. */
export const createNodesV2: CreateNodes<WesleyPluginOptions> = createNodes;

/** Edges from the projects that import a schema (or its generated modules) to the project that owns it. */
export const createDependencies: CreateDependencies<WesleyPluginOptions> = (_options, context) => createWesleyDependencies(context);
