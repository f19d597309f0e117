import { connect, listMigrationFiles } from '@wesley/postgres/run';
import { displayPath } from '@wesley/config/files';
import { withDatabase } from '../../database/index.js';
import { exitCodes } from '../../exit-codes.js';
import { describeCalibration, estimatePending, formatEstimates } from '../../explain/index.js';
import { describeFailure, writeFailure } from '../../failure/index.js';
import { migrationsDirectory, readDirectoryPlans } from '../../migrate/index.js';
import { commandConfig, configRelative } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import type { explainOptions } from './explain-options.js';

const name = 'explain';

/** Runs `wesley explain` with its parsed flags. */
export const runExplain: CommandRun<typeof explainOptions> = async (values, context) => {
  const json = values.json === true;
  const config = await commandConfig(values.config, context.cwd);
  const dir = values.dir ?? (config === null ? 'migrations' : configRelative(config, config.migrations, context.cwd));
  const directory = await migrationsDirectory(context.cwd, dir, name);
  const shown = displayPath(context.cwd, directory);
  const plans = await readDirectoryPlans(await listMigrationFiles(directory));
  let url: string | null = null;
  try {
    return await withDatabase(name, { ...values, config }, context, json ? context.stderr : context.stdout, async (target) => {
      url = target.url;
      const session = await connect(target.url);
      try {
        const { estimate, steps, migrations } = await estimatePending(session, directory, plans, {
          lockName: config?.lockName ?? undefined,
          recalibrate: values.recalibrate === true,
        });
        if (json) {
          const byMigration = estimate.steps.map((cost, index) => ({ migration: steps[index]?.migration ?? '', ...cost }));
          context.stdout.write(
            `${JSON.stringify({ database: target.label, directory: shown, ...estimate, steps: byMigration }, null, 2)}\n`,
          );
          return exitCodes.ok;
        }
        context.stdout.write(
          `wesley explain: ${steps.length} step${steps.length === 1 ? '' : 's'} of ${migrations.length} pending planned migration${migrations.length === 1 ? '' : 's'} in ${shown}\n` +
            `${describeCalibration(estimate)}\n`,
        );
        if (steps.length > 0) context.stdout.write(`\n${formatEstimates(estimate, steps)}`);
        return exitCodes.ok;
      } finally {
        await session.close();
      }
    });
  } catch (error) {
    return writeFailure(context, name, describeFailure(error, url), { json });
  }
};
