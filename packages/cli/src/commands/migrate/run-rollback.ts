import { rollbackMigration } from '@wesley/postgres/run';
import { withDatabase } from '../../database/index.js';
import { exitCodes } from '../../exit-codes.js';
import { describeFailure, writeFailure } from '../../failure/index.js';
import { describeHolderWait, describeHolderWaitEnd } from '../../migrate/index.js';
import { commandConfig } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import { commandMigrationsDirectory, migrationLockFlag, stepSessionFlags } from './migrate-run-flags.js';
import type { rollbackOptions } from './rollback-options.js';

const name = 'migrate rollback';

/** Runs `wesley migrate rollback <name>`, printing each undo as it is done. */
export const runRollback: CommandRun<typeof rollbackOptions> = async (values, context, [migration = '']) => {
  let url: string | null = null;
  try {
    const stepFlags = stepSessionFlags(values, name);
    const lockOptions = migrationLockFlag(values, name);
    const config = await commandConfig(values.config, context.cwd);
    const directory = await commandMigrationsDirectory(values, config, context.cwd, name);
    return await withDatabase(name, { ...values, config }, context, context.stdout, async (target) => {
      url = target.url;
      const result = await rollbackMigration({
        url: target.url,
        directory,
        migration,
        allowDestructive: values['allow-destructive'] === true,
        ...(config?.usageWindowMs == null ? {} : { usageWindowMs: config.usageWindowMs }),
        ignoreUsage: values['ignore-usage'] === true,
        lock: lockOptions(config),
        ...stepFlags,
        onEvent: (event) => {
          if (event.kind === 'step-done') context.stdout.write(`  ${event.stepId} done\n`);
          if (event.kind === 'holder-wait') context.stdout.write(`  ${event.stepId}: ${describeHolderWait(event)}\n`);
          if (event.kind === 'holder-wait-end') context.stdout.write(`  ${event.stepId}: ${describeHolderWaitEnd(event)}\n`);
          if (event.kind === 'step-retry') context.stdout.write(`  ${event.stepId}: lock not granted (${event.sqlState}), retrying\n`);
          if (event.kind === 'lock-wait') context.stdout.write(`wesley ${name}: waiting for another migrator (lock ${event.name})\n`);
          if (event.kind === 'notice') context.stdout.write(`wesley ${name}: ${event.message}\n`);
        },
      });
      context.stdout.write(
        result.already
          ? `wesley ${name}: ${migration} is already rolled back\n`
          : `wesley ${name}: rolled back ${migration} (${result.undone.length} ${result.undone.length === 1 ? 'step' : 'steps'} undone); ` +
              `its directory may now be replaced by a plan made again, which 'wesley migrate' applies\n`,
      );
      return exitCodes.ok;
    });
  } catch (error) {
    return writeFailure(context, name, describeFailure(error, url));
  }
};
