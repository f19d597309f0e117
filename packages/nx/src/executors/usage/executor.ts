import { databaseExecutor } from '../support/database-executor.js';
import type { DatabaseExecutorOptions } from '../support/database-executor-options.js';
import { optionArgs } from '../support/option-args.js';

/** Options of `@wesley/nx:usage` (see `schema.json`). */
export interface UsageExecutorOptions extends DatabaseExecutorOptions {
  /** The database schema the GraphQL schema maps to (`--db-schema`). */
  readonly dbSchema?: string;
  /** The window judged (`--window`, `7d`); without it the config's usageWindow, else 7 days. */
  readonly window?: string;
  /** Print the usage and the findings as JSON (`--json`). */
  readonly json?: boolean;
}

/**
 * `@wesley/nx:usage`: what queries use each table and column of each database, and what they
 * never use, as `wesley usage --config` reports it; it stores a snapshot in the database, so
 * never cached.
 */
const usageExecutor = databaseExecutor<UsageExecutorOptions>('usage', (options) => optionArgs(options, ['dbSchema', 'window', 'json']));

export default usageExecutor;
