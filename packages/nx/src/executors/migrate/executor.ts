import { databaseExecutor } from '../support/database-executor.js';
import type { DatabaseExecutorOptions } from '../support/database-executor-options.js';
import { optionArgs } from '../support/option-args.js';

/** Options of `@wesley/nx:migrate` (see `schema.json`). */
export interface MigrateExecutorOptions extends DatabaseExecutorOptions {
  /** Stop after this phase or step id (`--to`). */
  readonly to?: string;
  /** Run planned steps that lose data (`--allow-destructive`). */
  readonly allowDestructive?: boolean;
  /** Run steps that block reads or writes although their plan.json does not approve them (`--allow-blocking`). */
  readonly allowBlocking?: boolean;
  /** Run steps that drop or rename what queries still used within the config's usageWindow, else 7 days (`--ignore-usage`). */
  readonly ignoreUsage?: boolean;
  /** Outside the config's windows, sleep until the next one opens (`--wait`). */
  readonly wait?: boolean;
  /** Run backfill, validate and contract steps outside the config's windows (`--ignore-windows`). */
  readonly ignoreWindows?: boolean;
  /** Go on when applied migrations are no longer in the directory (`--allow-missing`). */
  readonly allowMissing?: boolean;
  /** Run pending migrations that sort before one already applied (`--allow-out-of-order`). */
  readonly allowOutOfOrder?: boolean;
  /** Print the SQL that would run, change nothing (`--dry-run`). */
  readonly dryRun?: boolean;
  /** One JSON event per line, then a summary line (`--json`). */
  readonly json?: boolean;
  /** Estimate each pending planned step first and show the predicted time beside its progress (`--explain`). */
  readonly explain?: boolean;
  /** `lock_timeout` of each transaction: `500`, `500ms`, `1s` (`--lock-timeout`). */
  readonly lockTimeout?: string | number;
  /** `statement_timeout` of each transaction (`--statement-timeout`). */
  readonly statementTimeout?: string | number;
  /** How long to wait for another migrator: `60`, `30s`, `2min` (`--lock-wait`). */
  readonly lockWait?: string | number;
  /** How long a step waits for the sessions holding its tables before asking for its lock: `30s`, `0` (`--holder-wait`). */
  readonly holderWait?: string | number;
  /** How long each backfill batch aims to hold its row locks: `100`, `100ms`, `1s` (`--batch-target`). */
  readonly batchTarget?: string | number;
  /** The smallest backfill batch, in rows (`--batch-min-rows`). */
  readonly batchMinRows?: string | number;
  /** The largest backfill batch, in rows (`--batch-max-rows`). */
  readonly batchMaxRows?: string | number;
}

/**
 * `@wesley/nx:migrate`: applies the pending migrations of the config's migrations directory,
 * in-process, exactly as `wesley migrate --config` does; never cached, idempotent through the
 * ledger in the database.
 */
const migrateExecutor = databaseExecutor<MigrateExecutorOptions>('migrate', (options) =>
  optionArgs(options, [
    'to',
    'allowDestructive',
    'allowBlocking',
    'ignoreUsage',
    'wait',
    'ignoreWindows',
    'allowMissing',
    'allowOutOfOrder',
    'dryRun',
    'explain',
    'json',
    'lockTimeout',
    'statementTimeout',
    'lockWait',
    'holderWait',
    'batchTarget',
    'batchMinRows',
    'batchMaxRows',
  ]),
);

export default migrateExecutor;
