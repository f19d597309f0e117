import { databaseExecutor } from '../support/database-executor.js';
import type { DatabaseExecutorOptions } from '../support/database-executor-options.js';
import { optionArgs } from '../support/option-args.js';

/** Options of `@wesley/nx:drift` (see `schema.json`). */
export interface DriftExecutorOptions extends DatabaseExecutorOptions {
  /** The database schema to compare (`--db-schema`, default `public`). */
  readonly dbSchema?: string;
}

/**
 * `@wesley/nx:drift`: compares each live database with the compiled schema, as
 * `wesley drift --config` does; fails when they differ. Never cached.
 */
const driftExecutor = databaseExecutor<DriftExecutorOptions>('drift', (options) => optionArgs(options, ['dbSchema']));

export default driftExecutor;
