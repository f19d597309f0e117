import type { Plan } from '@wesley/core/run';
import { connect, listMigrationFiles, migrate, resolveRunOptions, type Allowances } from '@wesley/postgres/run';
import { withDatabase } from '../../database/index.js';
import { displayPath } from '@wesley/config/files';
import { exitCodes } from '../../exit-codes.js';
import { describeCalibration, estimatePending, estimatesEvent, formatEstimates, type PendingEstimate } from '../../explain/index.js';
import { describeFailure, writeFailure } from '../../failure/index.js';
import {
  checkTo,
  doneExitCode,
  holdYoungGeneration,
  interruptibleClock,
  jsonReporter,
  logReporter,
  migrationThrottle,
  migrationWindows,
  readDirectoryPlans,
  spinnerReporter,
  writeDryRun,
  type MigrateReporter,
} from '../../migrate/index.js';
import { UsageError } from '../../usage-error.js';
import { commandConfig } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import { batchSizingFlags, commandMigrationsDirectory, migrationLockFlag, stepSessionFlags } from './migrate-run-flags.js';
import type { migrateOptions } from './migrate-options.js';

const name = 'migrate';

/** Runs `wesley migrate` with its parsed flags. */
export const runMigrate: CommandRun<typeof migrateOptions> = async (values, context) => {
  const dryRun = values['dry-run'] === true;
  const json = values.json === true;
  if (dryRun && json) throw new UsageError('--dry-run prints SQL and --json prints events; pick one', name);
  // With --json, every failure from here on ends in the summary line, a wrong flag value included.
  let reporter: MigrateReporter | null = json ? jsonReporter(context) : null;
  const started = Date.now();
  let url: string | null = null;
  try {
    const stepFlags = stepSessionFlags(values, name);
    const lockOptions = migrationLockFlag(values, name);
    const config = await commandConfig(values.config, context.cwd);
    const batchSizing = batchSizingFlags(values, config, name);
    const directory = await commandMigrationsDirectory(values, config, context.cwd, name);
    const files = await listMigrationFiles(directory);
    const plans = await readDirectoryPlans(files);
    // `wesley plan` as this user runs it, for a refusal that asks to plan a migration again: their --config as they typed it,
    // or none where one was found (plan finds it too); the placeholder without a config.
    const planCommand = values.config !== undefined ? `wesley plan --config ${values.config}` : config !== null ? 'wesley plan' : undefined;
    if (values.to !== undefined) checkTo(values.to, plans, name);

    // Standard output stays machine-readable with --json, and valid SQL with --dry-run.
    const notes = json || dryRun ? context.stderr : context.stdout;
    if (!dryRun && !json) {
      // A terminal that reports no width (some pseudo-terminals) cannot hold a redrawn line.
      reporter =
        context.terminal !== undefined && (context.terminal.columns ?? 0) > 0
          ? await spinnerReporter(context.terminal, context, plans)
          : logReporter(context, plans);
    }
    const progress = reporter;
    return await withDatabase(name, { ...values, config }, context, notes, async (target) => {
      url = target.url;
      if (values.explain === true) {
        const pending = await explainPending(target.url, directory, plans, config?.lockName ?? undefined);
        // The table goes where the notes go (standard error beside --dry-run's SQL); --json has the event alone.
        if (!json) notes.write(`${describeCalibration(pending.estimate)}\n${formatEstimates(pending.estimate, pending.steps)}`);
        if (!dryRun) progress?.event(estimatesEvent(pending));
      }
      if (dryRun) {
        const timeouts = resolveRunOptions({ ...stepFlags, ...batchSizing });
        const options = {
          directory,
          shownDirectory: displayPath(context.cwd, directory),
          files,
          allow: allowances(values, config),
          to: values.to,
          timeouts,
          planCommand,
        };
        await writeDryRun(target, options, (text) => context.stdout.write(text));
        return exitCodes.ok;
      }
      holdYoungGeneration();
      const windows = config?.windows ?? [];
      if (windows.length > 0 && values['ignore-windows'] === true) {
        notes.write(
          `wesley migrate: --ignore-windows: running every step now, outside the config's windows (${windows.map((w) => w.text).join(', ')})\n`,
        );
      }
      const result = await migrate({
        url: target.url,
        directory,
        ...allowances(values, config),
        ...(values.to === undefined ? {} : { to: values.to }),
        lock: lockOptions(config),
        ...(planCommand === undefined ? {} : { planCommand }),
        ...stepFlags,
        ...batchSizing,
        ...(windows.length === 0 || values['ignore-windows'] === true ? {} : { windows: await migrationWindows(windows) }),
        wait: values.wait === true,
        throttle: migrationThrottle(config, context.env ?? process.env, name),
        clock: interruptibleClock,
        onEvent: (event) => progress?.event(event),
      });
      const outcome = {
        kind: 'done',
        applied: result.applied,
        stoppedIn: result.stoppedIn,
        gateStop: result.gateStop,
        total: files.length,
        durationMs: Date.now() - started,
      } as const;
      progress?.finish(outcome);
      return doneExitCode(outcome);
    });
  } catch (error) {
    const failure = describeFailure(error, url);
    if (reporter === null) return writeFailure(context, name, failure);
    reporter.finish({ kind: 'failed', failure, durationMs: Date.now() - started });
    return failure.exitCode;
  }
};

/** The estimates of the pending planned steps, on a session of their own closed before the run takes the migration lock. */
async function explainPending(
  url: string,
  directory: string,
  plans: ReadonlyMap<string, Plan>,
  lockName: string | undefined,
): Promise<PendingEstimate> {
  const session = await connect(url);
  try {
    return await estimatePending(session, directory, plans, { lockName });
  } finally {
    await session.close();
  }
}

/** The `--allow-*` flags and the usage gate (the config's `usageWindow`, `--ignore-usage`), as `migrate()` and the dry run take them. */
function allowances(
  values: {
    readonly 'allow-destructive'?: boolean;
    readonly 'allow-blocking'?: boolean;
    readonly 'allow-missing'?: boolean;
    readonly 'allow-out-of-order'?: boolean;
    readonly 'ignore-usage'?: boolean;
    readonly to?: string;
  },
  config: { readonly usageWindowMs: number | null } | null,
): Allowances {
  return {
    allowDestructive: values['allow-destructive'] === true,
    allowBlocking: values['allow-blocking'] === true,
    allowMissing: values['allow-missing'] === true,
    allowOutOfOrder: values['allow-out-of-order'] === true,
    ...(config?.usageWindowMs == null ? {} : { usageWindowMs: config.usageWindowMs }),
    ignoreUsage: values['ignore-usage'] === true,
    ...(values.to === undefined ? {} : { to: values.to }),
  };
}
