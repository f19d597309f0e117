import type { Plan } from '@wesley/core/run';
import type { CliContext } from '../cli-context.js';
import { writeFailure } from '../failure/index.js';
import {
  describeBatchSize,
  describeHolderWait,
  describeHolderWaitEnd,
  describeEstimates,
  describeMigration,
  describePartitions,
  describePredicted,
  describeRows,
  describeStatements,
  describeStep,
  describeThrottle,
  describeWindowClosed,
  retryReason,
  summaryLine,
} from './describe-progress.js';
import { formatDuration } from './format-duration.js';
import { MigrateProgress } from './migrate-progress.js';
import type { MigrateReporter } from './migrate-reporter.js';

/**
 * Progress on a terminal: one spinner line for the migration running now (its step, phase,
 * rows backfilled so far, time elapsed), which turns into a ✔ line when the migration is
 * applied or a ✖ line when it fails; then the summary. Notices and retries are printed above
 * the spinner line. `ora` is imported here, on a terminal only: `--json`, a log and a dry run do
 * not load it.
 */
export async function spinnerReporter(
  terminal: NodeJS.WriteStream,
  context: CliContext,
  plans: ReadonlyMap<string, Plan>,
): Promise<MigrateReporter> {
  const { default: ora } = await import('ora');
  const progress = new MigrateProgress(plans);
  const elapsed = (): string => {
    const since = progress.migration?.ended === false ? progress.migration.startedAt : progress.lockWaitSince;
    return since === null ? '' : formatDuration(progress.elapsed(since));
  };
  const spinner = ora({
    stream: terminal,
    color: context.stdout.color ? 'cyan' : false,
    // Raw mode on stdin would swallow Ctrl-C while the migrator waits on the database.
    discardStdin: false,
    suffixText: elapsed,
  });
  const above = (line: string) => {
    spinner.clear();
    terminal.write(`${line}\n`);
    spinner.render();
  };
  const show = () => {
    const migration = progress.migration;
    if (migration === null || migration.ended) return;
    const step = migration.step;
    const doing =
      step === null
        ? `(${describeMigration(migration)})${describeStatements(migration)}`
        : `${describeStep(step, migration.steps)}${describePredicted(step)}${describeRows(step)}${describeBatchSize(step)}${describePartitions(step)}`;
    spinner.text = `${migration.name}  ${doing}`;
    if (!spinner.isSpinning) spinner.start();
  };
  return {
    event(event) {
      progress.apply(event);
      const migration = progress.migration;
      switch (event.kind) {
        case 'lock-wait':
          spinner.start(`waiting for another migrator to release the "${event.name}" migration lock`);
          return;
        case 'step-retry':
          above(`  ${event.stepId}: ${retryReason(event.sqlState)}; attempt ${event.attempt + 1} in ${event.waitMs} ms`);
          return;
        case 'holder-wait':
          above(`  ${event.stepId}: ${describeHolderWait(event)}`);
          return;
        case 'holder-wait-end':
          above(`  ${event.stepId}: ${describeHolderWaitEnd(event)}`);
          return;
        case 'notice':
          above(`  ${event.message}`);
          return;
        case 'estimates':
          above(`  ${describeEstimates(event)}`);
          return;
        case 'migration-done':
          spinner.succeed(`${event.migration}  applied in ${formatDuration(event.durationMs)}`);
          return;
        case 'migration-stopped':
          spinner.info(
            `${event.migration}  stopped after ${event.after} (--to)${migration === null ? '' : `, ${migration.stepsDone} steps applied now`}`,
          );
          return;
        case 'window-closed':
          if (event.waiting) above(`  ${event.stepId}: ${describeWindowClosed(event)}`);
          else spinner.info(`${event.migration}  stopped before ${event.stepId}: ${describeWindowClosed(event)}`);
          return;
        case 'window-open':
          above(`  the migration window opened after ${formatDuration(event.waitedMs)}; going on with ${event.stepId}`);
          return;
        case 'throttle':
          above(`  ${event.stepId}: ${describeThrottle(event)}`);
          return;
        case 'throttle-end':
          above(`  ${event.stepId}: resuming the backfill after a pause of ${formatDuration(event.pausedMs)}`);
          return;
        case 'migration-start':
        case 'step-start':
        case 'batch':
        case 'partition-done':
        case 'step-done':
        case 'statements':
          show();
          return;
      }
      // Every kind returns above: a kind added to MigrateEvent and not handled does not compile.
      event satisfies never;
    },
    finish(outcome) {
      const migration = progress.migration;
      if (outcome.kind === 'failed' && migration !== null && !migration.ended) {
        const at = migration.step === null ? '' : ` at ${migration.step.id}`;
        spinner.fail(`${migration.name}  failed${at} after ${formatDuration(progress.elapsed(migration.startedAt))}`);
      } else {
        spinner.stop();
      }
      if (outcome.kind === 'done') context.stdout.write(summaryLine(outcome));
      else writeFailure(context, 'migrate', outcome.failure);
    },
  };
}
