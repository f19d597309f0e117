import type { Plan } from '@wesley/core/run';
import type { CliContext } from '../cli-context.js';
import { writeFailure } from '../failure/index.js';
import {
  describeBatchResize,
  describeHolderWait,
  describeHolderWaitEnd,
  describeMigration,
  describeEstimates,
  describePartitions,
  describePredicted,
  describeRows,
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
 * Progress as plain lines on standard output, for logs and pipes (no terminal): a line when a
 * migration starts, one per finished step (and per retry), one when it is applied or stopped,
 * then the summary. Failures go to standard error.
 */
export function logReporter(context: CliContext, plans: ReadonlyMap<string, Plan>): MigrateReporter {
  const progress = new MigrateProgress(plans);
  const out = (line: string) => context.stdout.write(`${line}\n`);
  // The backfill batch size last shown: a line each time it has doubled or halved since, not one per batch.
  let shownRows = 0;
  return {
    event(event) {
      const step = progress.migration?.step ?? null;
      progress.apply(event);
      const migration = progress.migration;
      switch (event.kind) {
        case 'lock-wait':
          out(`wesley migrate: another migrator holds the "${event.name}" migration lock; waiting for it`);
          return;
        case 'migration-start':
          if (migration !== null) out(`${event.migration}: ${event.resumed ? 'resuming' : 'applying'} (${describeMigration(migration)})`);
          return;
        case 'step-retry':
          out(
            `${migration?.name ?? event.stepId}: ${event.stepId}: ${retryReason(event.sqlState)}; attempt ${event.attempt + 1} in ${event.waitMs} ms`,
          );
          return;
        case 'holder-wait':
          out(`${migration?.name ?? event.stepId}: ${event.stepId}: ${describeHolderWait(event)}`);
          return;
        case 'holder-wait-end':
          out(`${migration?.name ?? event.stepId}: ${event.stepId}: ${describeHolderWaitEnd(event)}`);
          return;
        case 'window-closed':
          out(`${event.migration}: ${event.stepId}: ${describeWindowClosed(event)}`);
          return;
        case 'window-open':
          out(`${event.migration}: the migration window opened after ${formatDuration(event.waitedMs)}; going on with ${event.stepId}`);
          return;
        case 'throttle':
          out(`${event.migration}: ${event.stepId}: ${describeThrottle(event)}`);
          return;
        case 'throttle-end':
          out(`${event.migration}: ${event.stepId}: resuming the backfill after a pause of ${formatDuration(event.pausedMs)}`);
          return;
        case 'partition-done':
          out(`${migration?.name ?? event.stepId}: ${event.stepId}: ${event.partition} done (${event.done}/${event.total})`);
          return;
        case 'step-done':
          if (migration !== null && step !== null) {
            out(
              `${migration.name}: ${describeStep(step, migration.steps)} done in ${formatDuration(progress.elapsed(step.startedAt))}${describePredicted(step)}${describeRows(step)}${describePartitions(step)}`,
            );
          }
          return;
        case 'statements':
          out(`${event.migration}: ${event.done.toLocaleString('en-US')} statements run`);
          return;
        case 'notice':
          out(`wesley migrate: ${event.message}`);
          return;
        case 'estimates':
          out(`wesley migrate: ${describeEstimates(event)}`);
          return;
        case 'migration-done':
          out(`${event.migration}: applied in ${formatDuration(event.durationMs)}`);
          return;
        case 'migration-stopped':
          out(`${event.migration}: stopped after ${event.after} (--to); its remaining steps stay pending`);
          return;
        case 'batch':
          // The first batch of its step (progress has counted it): its size is the plan's, shown by none yet.
          if (migration?.step?.batches === 1) shownRows = event.rows;
          if (event.nextRows >= shownRows * 2 || event.nextRows * 2 <= shownRows) {
            shownRows = event.nextRows;
            out(`${migration?.name ?? event.stepId}: ${event.stepId}: ${describeBatchResize(event)}`);
          }
          return;
        // Shown by the line of the step that finishes.
        case 'step-start':
          return;
      }
      // Every kind returns above: a kind added to MigrateEvent and not handled does not compile.
      event satisfies never;
    },
    finish(outcome) {
      if (outcome.kind === 'done') {
        context.stdout.write(summaryLine(outcome));
        return;
      }
      const migration = progress.migration;
      if (migration !== null && !migration.ended) {
        const at = migration.step === null ? '' : ` in ${describeStep(migration.step, migration.steps)}`;
        out(`${migration.name}: failed${at} after ${formatDuration(progress.elapsed(migration.startedAt))}`);
      }
      writeFailure(context, 'migrate', outcome.failure);
    },
  };
}
