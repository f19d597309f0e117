import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { PromiseExecutor } from '@nx/devkit';
import { planDirectory } from '../../plugins/generated-files.js';
import { optionArgs } from '../support/option-args.js';
import { runWesley } from '../support/run-wesley.js';
import { taskCliContext } from '../support/task-cli-context.js';
import { taskProject } from '../support/task-project.js';

/** Options of `@wesley/nx:plan` (see `schema.json`). */
export interface PlanExecutorOptions {
  /** The config file, relative to the workspace root (default: the project's `wesley.config.*`). */
  readonly configFile?: string;
  /** The PostgreSQL to plan for: `15`, `15.4` or `150004` (default 18). */
  readonly serverVersion?: string | number;
  /** Rows per backfill batch (default 1000). */
  readonly batchSize?: number;
  /** Plan changes that lose data (refused by default, WES101). */
  readonly allowDestructive?: boolean;
  /** Plan steps that block reads or writes, each approved in plan.json (refused by default, WES104). */
  readonly allowBlocking?: boolean;
  /** The reason each approval records (with `allowBlocking`). */
  readonly blockingReason?: string;
  /** Print the plan as JSON. */
  readonly json?: boolean;
  /** Print the lock table of the plan and each step's SQL. */
  readonly explain?: boolean;
}

/**
 * `@wesley/nx:plan`: plans the migration from the baseline — the `ir.json` of the last
 * migration directory that holds one, else the empty schema — to the current schema, and writes
 * it to `<project>/.wesley/plan` (`plan.json`, `up.sql`, `down.sql`, and the target `ir.json`).
 * The directory is emptied first, so it holds this plan or, when there is nothing to do,
 * nothing. `migrate` never reads it: copy it into the migrations directory under a new name to
 * make it a migration (its `ir.json` then becomes the next baseline).
 */
const planExecutor: PromiseExecutor<PlanExecutorOptions> = async (options, context) => {
  const project = await taskProject(options.configFile, context);
  await rm(path.join(project.root, planDirectory), { recursive: true, force: true });
  const flags = optionArgs(options, [
    'serverVersion',
    'batchSize',
    'allowDestructive',
    'allowBlocking',
    'blockingReason',
    'json',
    'explain',
  ]);
  const args = ['plan', '--config', project.configFile, '--out', planDirectory, ...flags];
  return { success: (await runWesley(args, await taskCliContext(project.root))) === 0 };
};

export default planExecutor;
