import {
  beginStepSql,
  firstBatchSize,
  maxBatchGrowth,
  type BatchSizing,
  type PerPartition,
  type Plan,
  type PlanStep,
  type StepTimeouts,
} from '@wesley/core/run';
import type { LedgerStep } from '@wesley/postgres/run';
import { sqlComment } from '../plan/sql-comment.js';
import { outsideTransaction, terminated } from './dry-run-timeouts.js';

export interface PlanDryRunOptions {
  /** The migration's steps in the ledger (an earlier run that stopped or was interrupted). */
  readonly ledger: ReadonlyMap<string, LedgerStep>;
  /** `--to`, as `stepsUpTo` gives it: the first step it refuses ends the run. */
  readonly include: ((step: PlanStep, index: number) => boolean) | undefined;
  /** The step session's timeouts and, for a backfill, how its batches are sized. */
  readonly timeouts: StepTimeouts & BatchSizing;
}

/**
 * The SQL a planned migration would run, step by step, as the executor runs it: a transactional
 * step in `BEGIN` ... `COMMIT` with `SET LOCAL lock_timeout` and `statement_timeout`; a
 * `CONCURRENTLY` step bare, under a session `lock_timeout` of its own (after its repair, when an
 * earlier run was interrupted in it); a backfill as its two batch statements, each in the
 * transaction every batch gets, with a comment saying how they repeat. Steps the ledger shows
 * applied are only named. `stopped` is `true` when `--to` ends the run inside this plan.
 */
export function renderPlanDryRun(name: string, plan: Plan, options: PlanDryRunOptions): { sql: string; stopped: boolean } {
  const blocks: string[] = [];
  const total = plan.steps.length;
  // Steps an earlier run applied are named together, one comment line each.
  let applied: string[] = [];
  const flushApplied = () => {
    if (applied.length > 0) blocks.push(sqlComment(['applied by an earlier run:', ...applied]));
    applied = [];
  };
  for (const [index, step] of plan.steps.entries()) {
    const title = `${name}, step ${index + 1}/${total} (${step.phase}): ${step.id}`;
    if (options.include?.(step, index) === false) {
      flushApplied();
      blocks.push(sqlComment([`--to stops the run before ${title}; it and every later migration stay pending`]));
      return { sql: blocks.join('\n\n'), stopped: true };
    }
    const record = options.ledger.get(step.id);
    if (record?.status === 'applied') {
      applied.push(`  ${title}`);
      continue;
    }
    flushApplied();
    blocks.push(renderStep(step, title, record, options.timeouts));
  }
  flushApplied();
  return { sql: blocks.join('\n\n'), stopped: false };
}

function renderStep(step: PlanStep, title: string, record: LedgerStep | undefined, timeouts: StepTimeouts & BatchSizing): string {
  const sql = step.sql.map(terminated);
  if (step.backfill !== null) return renderBackfill(step, title, record, timeouts);
  if (step.perPartition !== undefined) return renderPerPartition(step, step.perPartition, title, record, timeouts);
  if (step.transactional) return [sqlComment([title, step.summary]), ...beginStepSql(timeouts), ...sql, 'COMMIT;'].join('\n');
  const repair =
    record === undefined || step.repair.length === 0
      ? []
      : [sqlComment(['an earlier run was interrupted in this step: first its repair']), ...step.repair.map(terminated)];
  const statements = sql.flatMap((statement) => outsideTransaction(statement, timeouts));
  return [sqlComment([title, step.summary, 'outside a transaction: this statement cannot run in one']), ...repair, ...statements].join(
    '\n',
  );
}

/** A per-partition step: what runs for each partition, which the executor reads from the catalog only when it runs the step. */
function renderPerPartition(
  step: PlanStep,
  pattern: PerPartition,
  title: string,
  record: LedgerStep | undefined,
  timeouts: StepTimeouts,
): string {
  const resumeAfter = Array.isArray(record?.cursor) ? (record.cursor as unknown[])[0] : undefined;
  return [
    sqlComment([
      title,
      step.summary,
      `for each partition of ${pattern.table} (read from the catalog when the step runs; sub-partitions after their parent),`,
      `"{partition}" standing for it, "{index}" for its index, "{parent_index}" for its parent's; a partition whose index is`,
      'already attached is skipped, and an INVALID index an interrupted build left is dropped concurrently first:',
      ...(resumeAfter === undefined
        ? []
        : [`an earlier run finished the partitions up to ${JSON.stringify(resumeAfter)}; it goes on after it`]),
    ]),
    ...(pattern.build === null
      ? []
      : [sqlComment(['a partition holding rows, outside a transaction:']), ...outsideTransaction(terminated(pattern.build), timeouts)]),
    ...(pattern.shell === null
      ? []
      : [sqlComment(['a partition partitioned in turn:']), ...beginStepSql(timeouts), terminated(pattern.shell), 'COMMIT;']),
    ...(pattern.catchUp === undefined
      ? []
      : [
          sqlComment(['a partition holding rows without "{index}" (created or attached since the step before read the partitions):']),
          ...beginStepSql(timeouts),
          terminated(pattern.catchUp),
          'COMMIT;',
        ]),
    sqlComment(['then, recorded with the partition done:']),
    ...beginStepSql(timeouts),
    ...(pattern.alter === null ? [] : [sqlComment(['a partition holding rows:']), terminated(pattern.alter)]),
    ...(pattern.attach === null ? [] : [terminated(pattern.attach)]),
    'COMMIT;',
  ].join('\n');
}

function renderBackfill(step: PlanStep, title: string, record: LedgerStep | undefined, timeouts: StepTimeouts & BatchSizing): string {
  const backfill = step.backfill;
  if (backfill === null) return '';
  const size = firstBatchSize(timeouts, backfill.batchSize);
  const { batchTargetMs, batchMinRows, batchMaxRows } = timeouts;
  const sized =
    batchMinRows === batchMaxRows
      ? `${batchMinRows}`
      : `the next batch's size: the rows the last one's rate fits in ${batchTargetMs} ms, at most ${maxBatchGrowth}x the last, from ${batchMinRows} to ${batchMaxRows}`;
  const keys = backfill.key.map((column, i) => `$${i + 1} = the last ${column} of the batch before`).join(', ');
  const resumeAfter = Array.isArray(record?.cursor) ? (record.cursor as unknown[]) : null;
  const batch = (sqlText: string) => [...beginStepSql(timeouts), terminated(sqlText), 'COMMIT;'];
  const first =
    resumeAfter === null
      ? [sqlComment([`the first batch, $1 = ${size}:`]), ...batch(backfill.firstBatch)]
      : [
          sqlComment([
            `an earlier run committed the batches up to ${backfill.key.join(', ')} = ${JSON.stringify(resumeAfter)}; it goes on from there`,
          ]),
        ];
  return [
    sqlComment([
      title,
      step.summary,
      `one transaction per batch, the first of up to ${size} rows, each next one sized by time, by ${backfill.key.join(', ')}, until a batch finds no row`,
    ]),
    ...first,
    sqlComment([`then each next batch, ${keys}, $${backfill.key.length + 1} = ${sized}:`]),
    ...batch(backfill.nextBatch),
  ].join('\n');
}
