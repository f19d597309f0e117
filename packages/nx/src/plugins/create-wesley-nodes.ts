import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createNodesFromFiles, hashArray, type CreateNodesContext, type CreateNodesResultArray } from '@nx/devkit';
import { hashObject, PluginCache } from '@nx/devkit/internal';
import { summarizeConfig } from './config-summary.js';
import { inferProject, type InferredProject } from './infer-project.js';
import { pluginVersion } from './plugin-version.js';
import { projectFiles, projectName } from './project-name.js';
import { targetNames, type WesleyPluginOptions } from './wesley-plugin-options.js';

/**
 * The batched `createNodes` function, its cache in the file `cachePath`. For each config file
 * (workspace-relative, `/`-separated) it infers the targets of the project in the config's
 * directory. The result is cached under a hash of the config file's bytes, the plugin options,
 * the plugin version and the files that name the project, so an unchanged config is neither
 * loaded nor evaluated again; the cache is written back once, after the batch.
 *
 * A `.mjs` or `.ts` config is hashed by its own text: edit a module it imports and the cache
 * still holds the old result until the config file itself changes (or `nx reset`).
 */
export async function createWesleyNodes(
  configFiles: readonly string[],
  options: WesleyPluginOptions | undefined,
  context: CreateNodesContext,
  cachePath: string,
): Promise<CreateNodesResultArray> {
  const cache = new PluginCache<InferredProject>(cachePath);
  const names = targetNames(options);
  const optionsHash = hashObject(options ?? {});
  const perDirectory = new Map<string, string[]>();
  for (const file of configFiles) perDirectory.set(path.posix.dirname(file), [...(perDirectory.get(path.posix.dirname(file)) ?? []), file]);
  try {
    return await createNodesFromFiles(
      async (file) => {
        const root = path.posix.dirname(file);
        const siblings = perDirectory.get(root) ?? [];
        if (siblings.length > 1)
          throw new Error(
            `${root} holds ${siblings.map((sibling) => path.posix.basename(sibling)).join(' and ')}: keep one Wesley config per project`,
          );
        const absolute = path.join(context.workspaceRoot, file);
        // Blocking reads: on a warm cache this is all the work there is, and it is faster so.
        const content = readFileSync(absolute, 'utf8');
        const files = projectFiles(path.dirname(absolute));
        const key = hashArray([pluginVersion, optionsHash, file, content, String(files.projectJson), files.packageName ?? '\0']);
        let project = cache.get(key);
        if (project === undefined) {
          // Loaded only on a miss: a warm graph never pays for zod or esbuild.
          const { loadConfig } = await import('@wesley/config');
          const summary = await summarizeConfig(await loadConfig(absolute, context.workspaceRoot));
          project = inferProject(summary, names, projectName(root, files));
          cache.set(key, project);
        }
        // Not a copy: the cache is written back before Nx sees (and merges into) the result.
        return { projects: { [root]: project } };
      },
      configFiles,
      options,
      context,
    );
  } finally {
    cache.writeToDisk();
  }
}
