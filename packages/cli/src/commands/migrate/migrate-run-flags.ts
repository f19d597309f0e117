import type { WesleyConfig } from '@wesley/config';
import { migrationsDirectory, parseDurationFlag } from '../../migrate/index.js';
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
