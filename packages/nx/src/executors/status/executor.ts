import { databaseExecutor } from '../support/database-executor.js';
import type { DatabaseExecutorOptions } from '../support/database-executor-options.js';
import { optionArgs } from '../support/option-args.js';

/** Options of `@wesley/nx:status` (see `schema.json`). */
export interface StatusExecutorOptions extends DatabaseExecutorOptions {
  /** Print the report as JSON (`--json`). */
  readonly json?: boolean;
}

/**
 * `@wesley/nx:status`: which migrations each database has applied, as `wesley status --config`
 * shows it. Never cached.
 */
const statusExecutor = databaseExecutor<StatusExecutorOptions>('status', (options) => optionArgs(options, ['json']));

export default statusExecutor;
