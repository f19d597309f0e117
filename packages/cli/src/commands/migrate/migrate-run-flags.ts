import type { WesleyConfig } from '@wesley/config';
import { migrationsDirectory, parseDurationFlag, parseRowsFlag } from '../../migrate/index.js';
import { UsageError } from '../../usage-error.js';
import { configRelative } from '../command-config.js';

/** The step-session flags of the commands that run steps (`migrate`, `migrate rollback`). */
export interface StepSessionFlags {
  readonly 'lock-timeout'?: string | undefined;
  readonly 'statement-timeout'?: string | undefined;
  readonly 'holder-wait'?: string | undefined;
}

/**
 * `--lock-timeout`, `--statement-timeout` and `--holder-wait` as the run options they set. A flag
 * not given is left out, so the executor's default (core's `stepSessionDefaults`) holds.
 *
 * @throws UsageError for a value that is not a duration, naming the flag and `command`.
 */
export function stepSessionFlags(
  values: StepSessionFlags,
  command: string,
): { readonly lockTimeoutMs?: number; readonly statementTimeoutMs?: number; readonly holderWaitMs?: number } {
  const lockTimeoutMs = parseDurationFlag(values['lock-timeout'], '--lock-timeout', { unit: 'ms', zero: null }, command);
  const statementTimeoutMs = parseDurationFlag(
    values['statement-timeout'],
    '--statement-timeout',
    { unit: 'ms', zero: 'no statement timeout' },
    command,
  );
  const holderWaitMs = parseDurationFlag(values['holder-wait'], '--holder-wait', { unit: 'ms', zero: 'no wait' }, command);
  return {
    ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }),
    ...(statementTimeoutMs === undefined ? {} : { statementTimeoutMs }),
    ...(holderWaitMs === undefined ? {} : { holderWaitMs }),
  };
}

/** The backfill batch-sizing flags of `wesley migrate`. */
export interface BatchSizingFlags {
  readonly 'batch-target'?: string | undefined;
  readonly 'batch-min-rows'?: string | undefined;
  readonly 'batch-max-rows'?: string | undefined;
}

/**
 * `--batch-target`, `--batch-min-rows` and `--batch-max-rows`, each over the config's
 * `batchTargetMs`, `batchMinRows`, `batchMaxRows`, as the run options they set. What neither
 * gives is left out, so the executor's default (core's `batchSizingDefaults`) holds.
 *
 * @throws UsageError for a value that is not a duration or a row count, or a smallest batch above the largest.
 */
export function batchSizingFlags(
  values: BatchSizingFlags,
  config: Pick<WesleyConfig, 'batchTargetMs' | 'batchMinRows' | 'batchMaxRows'> | null,
  command: string,
): { readonly batchTargetMs?: number; readonly batchMinRows?: number; readonly batchMaxRows?: number } {
  const batchTargetMs =
    parseDurationFlag(values['batch-target'], '--batch-target', { unit: 'ms', zero: null }, command) ?? config?.batchTargetMs ?? undefined;
  const batchMinRows = parseRowsFlag(values['batch-min-rows'], '--batch-min-rows', command) ?? config?.batchMinRows ?? undefined;
  const batchMaxRows = parseRowsFlag(values['batch-max-rows'], '--batch-max-rows', command) ?? config?.batchMaxRows ?? undefined;
  if (batchMinRows !== undefined && batchMaxRows !== undefined && batchMinRows > batchMaxRows) {
    throw new UsageError(
      `the smallest backfill batch (${batchMinRows} rows, --batch-min-rows or the config's batchMinRows) is above the largest (${batchMaxRows}, --batch-max-rows or batchMaxRows)`,
      command,
    );
  }
  return {
    ...(batchTargetMs === undefined ? {} : { batchTargetMs }),
    ...(batchMinRows === undefined ? {} : { batchMinRows }),
    ...(batchMaxRows === undefined ? {} : { batchMaxRows }),
  };
}

/**
 * `--lock-wait`, parsed first so that a wrong value is reported before the config is read, and
 * a function giving the migration lock's options once the config is known (its `lockName`).
 */
export function migrationLockFlag(
  values: { readonly 'lock-wait'?: string | undefined },
  command: string,
): (config: WesleyConfig | null) => { readonly timeoutMs?: number; readonly name?: string } {
  const timeoutMs = parseDurationFlag(values['lock-wait'], '--lock-wait', { unit: 's', zero: 'one try, no wait' }, command);
  return (config) => ({
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(config?.lockName == null ? {} : { name: config.lockName }),
  });
}

/** The migrations directory a command works on: `--dir`, else the config's `migrations`, else `migrations`. */
export async function commandMigrationsDirectory(
  values: { readonly dir?: string | undefined },
  config: WesleyConfig | null,
  cwd: string,
  command: string,
): Promise<string> {
  const dirFlag = values.dir ?? (config === null ? 'migrations' : configRelative(config, config.migrations, cwd));
  return migrationsDirectory(cwd, dirFlag, command);
}
