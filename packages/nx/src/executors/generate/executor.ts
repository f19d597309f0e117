import type { PromiseExecutor } from '@nx/devkit';
import { optionArgs } from '../support/option-args.js';
import { runWesley } from '../support/run-wesley.js';
import { taskCliContext } from '../support/task-cli-context.js';
import { taskProject } from '../support/task-project.js';

/** Options of `@wesley/nx:generate` (see `schema.json`). */
export interface GenerateExecutorOptions {
  /** The config file, relative to the workspace root (default: the project's `wesley.config.*`). */
  readonly configFile?: string;
  /** Write nothing; fail when a generated file is stale or missing (`--check`). */
  readonly check?: boolean;
  /** Treat warnings as errors (`--strict`). */
  readonly strict?: boolean;
}

/**
 * `@wesley/nx:generate`: compiles the config's schema into `<outDir>/schema.sql`, `types.ts`,
 * `zod.ts` and `ir.json` (and the `.d.graphql.ts` beside the schema with `dts`), in-process, as
 * `wesley generate --config` does. The inferred target caches it: a hit restores those files.
 */
const generateExecutor: PromiseExecutor<GenerateExecutorOptions> = async (options, context) => {
  const project = await taskProject(options.configFile, context);
  const args = ['generate', '--config', project.configFile, ...optionArgs(options, ['check', 'strict'])];
  return { success: (await runWesley(args, await taskCliContext(project.root))) === 0 };
};

export default generateExecutor;
