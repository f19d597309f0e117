import type { PromiseExecutor } from '@nx/devkit';
import { optionArgs } from '../support/option-args.js';
import { runWesley } from '../support/run-wesley.js';
import { taskCliContext } from '../support/task-cli-context.js';
import { taskProject } from '../support/task-project.js';

/** Options of `@wesley/nx:lint` (see `schema.json`). */
export interface LintExecutorOptions {
  /** The config file, relative to the workspace root (default: the project's `wesley.config.*`). */
  readonly configFile?: string;
  /** The PostgreSQL the SQL will run on: `15`, `15.4` or `150004` (default: the config's, else 18). */
  readonly serverVersion?: string | number;
  /** `text` (default), `json`, or `sarif` (SARIF 2.1.0). */
  readonly format?: 'text' | 'json' | 'sarif';
  /** Print one JSON document (`--format json`). */
  readonly json?: boolean;
}

/**
 * `@wesley/nx:lint`: `wesley lint --config` of the project, in-process: each SQL migration of
 * the config's migrations directory, every statement that blocks reads or writes reported with
 * its lock and rewrite. Fails on an unapproved hazard. Files alone, never a database, so the
 * inferred target is cached.
 */
const lintExecutor: PromiseExecutor<LintExecutorOptions> = async (options, context) => {
  const project = await taskProject(options.configFile, context);
  const args = ['lint', '--config', project.configFile, ...optionArgs(options, ['serverVersion', 'format', 'json'])];
  return { success: (await runWesley(args, await taskCliContext(project.root))) === 0 };
};

export default lintExecutor;
