import { firstBatchSize, nextBatchSize, type PlanStep } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import { resolveRunOptions, type ResolvedRunOptions, type RunOptions } from './run-options.js';
import type { StepJournal } from './step-journal.js';
import { runPerPartition } from './run-per-partition.js';
import { sqlStateOf, StepFailedError } from './step-failed-error.js';
import { inStepTransaction, outsideStepTransaction, waitToRetry } from './step-session.js';
import { waitForLockHolders } from './wait-for-lock-holders.js';

/**
 * Runs one plan step on `session` (docs/architecture.md#executing-a-step): a transactional
 * step in one transaction with `lock_timeout` and `statement_timeout` set locally; a
 * `CONCURRENTLY` step on its own, with a wait budget of its own, and after a failure the step's
 * `repair` (which drops the INVALID index it left) before the retry; a backfill batch by batch,
 * each batch its own transaction. Before each attempt that asks for a lock blocking writes, it
 * waits (up to `holderWaitMs` per step, reported) for the sessions holding a conflicting lock
 * to let go, so that it does not queue behind them and stall the table. A lock timeout or
 * deadlock is retried with exponential backoff and full jitter; anything else, or the last retry, throws a {@link StepFailedError}
 * naming the step, with the failed transaction rolled back. `journal` lets the caller write its
 * records inside the step's transactions.
 */
export async function applyStep(
  session: Connection,
  step: PlanStep,
  options: RunOptions = {},
  journal: StepJournal = {},
): Promise<'done' | 'stopped'> {
  const resolved = resolveRunOptions(options);
  resolved.onEvent({ kind: 'step-start', stepId: step.id });
  const work = async () => {
    await runAll(session, step.sql);
    await journal.committing?.(session);
  };
  const courtesy = holderWait(session, step, resolved);
  // A backfill retries batch by batch, keeping its cursor, and a per-partition step partition by partition; other steps retry whole.
  const attempts =
    step.backfill !== null
      ? await runBackfill(session, step, resolved, journal)
      : step.perPartition !== undefined
        ? await runPerPartition(session, step, step.perPartition, resolved, journal, (attempt) => withRetries(step, resolved, attempt))
        : await withRetries(step, resolved, async () => {
            await courtesy();
            await (step.transactional
              ? inStepTransaction(session, resolved, work)
              : runOutsideTransaction(session, step, resolved, journal));
          });
  // A backfill that `beforeBatch` stopped is not done: its cursor is saved, and the next run goes on from it.
  if (attempts === null) return 'stopped';
  resolved.onEvent({ kind: 'step-done', stepId: step.id, attempts });
  return 'done';
}

/**
 * What runs before each attempt of `step`: the wait for the holders of its tables
 * (`waitForLockHolders`), out of one budget of `holderWaitMs` for all its attempts, since a
 * retry would queue behind them as the first attempt would. Reports each holder as the wait
 * for it starts and the end of every wait that happened.
 */
function holderWait(session: Connection, step: PlanStep, options: ResolvedRunOptions): () => Promise<void> {
  const deadline = Date.now() + options.holderWaitMs;
  const seen = new Set<number>();
  return async () => {
    if (Date.now() >= deadline) return;
    const started = Date.now();
    const { waited, holders } = await waitForLockHolders(session, step.locks, deadline, seen, (holder) =>
      options.onEvent({ kind: 'holder-wait', stepId: step.id, ...holder }),
    );
    if (waited) options.onEvent({ kind: 'holder-wait-end', stepId: step.id, waitedMs: Date.now() - started, holders: holders.length });
  };
}

async function withRetries(step: PlanStep, options: ResolvedRunOptions, attempt: () => Promise<void>): Promise<number> {
  for (let n = 1; ; n++) {
    try {
      await attempt();
      return n;
    } catch (error) {
      const retried = await waitToRetry(options, n, sqlStateOf(error), (sqlState, waitMs) =>
        options.onEvent({ kind: 'step-retry', stepId: step.id, attempt: n, sqlState, waitMs }),
      );
      if (!retried) throw new StepFailedError(step.id, n, error);
    }
  }
}

async function runAll(session: Connection, statements: readonly string[]): Promise<void> {
  for (const sql of statements) await session.query(sql);
}

/**
 * `CONCURRENTLY` statements wait for every older transaction by design, and their table lock
 * (SHARE UPDATE EXCLUSIVE) does not block reads or writes while it waits, so they get a wait
 * budget of their own (`concurrentLockTimeoutMs`) instead of the short `lock_timeout`, and no
 * statement_timeout. A failed build leaves an INVALID index: the step's `repair` drops it so
 * the retry starts clean.
 */
async function runOutsideTransaction(
  session: Connection,
  step: PlanStep,
  options: ResolvedRunOptions,
  journal: StepJournal,
): Promise<void> {
  await journal.outsideTransaction?.(session);
  await outsideStepTransaction(session, options, async () => {
    try {
      await runAll(session, step.sql);
    } catch (error) {
      try {
        // Not when the caller refuses (it lost its lock): the INVALID index may then be another run's build.
        await journal.outsideTransaction?.(session);
        await runAll(session, step.repair);
      } catch {
        // The build's own error is the one to report.
      }
      throw error;
    }
  });
}

/** Batches until one returns no key; the attempts of all batches add up. `null` when `beforeBatch` stopped it before one. */
async function runBackfill(session: Connection, step: PlanStep, options: ResolvedRunOptions, journal: StepJournal): Promise<number | null> {
  const backfill = step.backfill;
  if (backfill === null) return 0;
  let cursor: readonly unknown[] | null = journal.resumeAfter ?? null;
  let attempts = 0;
  // Sized by time (core's nextBatchSize): the plan's batchSize is the first batch's.
  let size = firstBatchSize(options, backfill.batchSize);
  for (;;) {
    if ((await options.beforeBatch(step.id)) === 'stop') return null;
    const values: unknown[] = cursor === null ? [size] : [...cursor, size];
    const sql = cursor === null ? backfill.firstBatch : backfill.nextBatch;
    let last: unknown[] | null = null;
    // Every attempt's time counts, the backoff between them not: an attempt that waited for a writer's row lock until
    // lock_timeout held the rows it had locked as long, and the next batch should be smaller for it.
    let heldMs = 0;
    attempts += await withRetries(step, options, async () => {
      const started = performance.now();
      try {
        await inStepTransaction(session, options, async () => {
          const { rows } = await session.client.query({ text: sql, values, rowMode: 'array' });
          last = (rows[0] as unknown[] | undefined) ?? null;
          if (last !== null) await journal.batchCommitting?.(session, last);
        });
      } finally {
        heldMs += performance.now() - started;
      }
    });
    if (last === null) return attempts;
    cursor = last;
    const nextRows = nextBatchSize(options, size, heldMs);
    options.onEvent({ kind: 'batch', stepId: step.id, rows: size, heldMs: Math.round(heldMs), nextRows });
    size = nextRows;
    if (options.batchPauseMs > 0) await new Promise((resolve) => setTimeout(resolve, options.batchPauseMs));
  }
}
