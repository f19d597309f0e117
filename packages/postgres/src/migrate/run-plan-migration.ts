import type { Plan, PlanStep } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import { applyStep } from '../execute/apply-step.js';
import type { RunOptions } from '../execute/run-options.js';
import { readSteps, recordStep, saveCursor, type LedgerStep } from './ledger.js';
import { inLockedTransaction } from './locked-transaction.js';
import type { MigrationLock } from './migration-lock.js';

/**
 * Runs the steps of a planned migration that the ledger does not show as applied, in plan order,
 * stopping at the first step `include` refuses (`--to`). Exactly once, crash or not:
 *
 * - a transactional step commits its ledger row in its own transaction;
 * - a backfill commits its cursor with every batch and resumes after it;
 * - a per-partition step commits each partition's attach with the cursor (that partition) and
 *   resumes after it; a build interrupted in between is repaired by the executor (`runPerPartition`);
 * - a non-transactional step (`CONCURRENTLY`) is recorded as running before and applied after;
 *   found running on a later run, it was interrupted: its `repair` (dropping the INVALID index it
 *   may have left) runs before it is redone.
 *
 * Every commit, and every statement outside a transaction, first checks that the session still
 * holds the migration lock (`lock.verify`).
 *
 * Returns `true` when every step is applied, `false` when it stopped early.
 */
export async function runPlanMigration(
  session: Connection,
  name: string,
  plan: Plan,
  options: RunOptions & {
    readonly lock: MigrationLock;
    readonly include?: ((step: PlanStep, index: number) => boolean) | undefined;
    /** Asked before each step not yet applied (the windows): `'stop'` leaves it and the rest pending. */
    readonly beforeStep?: ((step: PlanStep) => Promise<'go' | 'stop'>) | undefined;
  },
): Promise<boolean> {
  const ledger = await readSteps(session, name);
  for (const [index, step] of plan.steps.entries()) {
    if (options.include?.(step, index) === false) return false;
    const record = ledger.get(step.id);
    if (record?.status === 'applied') continue;
    if ((await options.beforeStep?.(step)) === 'stop') return false;
    if ((await runStep(session, name, step, record, options)) === 'stopped') return false;
  }
  return true;
}

/**
 * `record` is the step's ledger row: present (and `running`) when an earlier run was interrupted in it.
 * `'stopped'` when `beforeBatch` stopped a backfill: its cursor is saved, its row not applied.
 */
async function runStep(
  session: Connection,
  name: string,
  step: PlanStep,
  record: LedgerStep | undefined,
  options: RunOptions & { readonly lock: MigrationLock },
): Promise<'done' | 'stopped'> {
  const { lock } = options;
  const verify = async (): Promise<void> => {
    await lock.verify(name, step.id);
  };
  const write = (status: 'running' | 'applied', cursor?: unknown) =>
    inLockedTransaction(lock, name, step.id, () => recordStep(session, name, step.id, status, cursor));
  if (step.backfill !== null) {
    const resumeAfter = Array.isArray(record?.cursor) ? (record.cursor as unknown[]) : null;
    // The applied record keeps the last key filled, whether or not a crash came in between.
    let last: readonly unknown[] | null = resumeAfter;
    const outcome = await applyStep(session, step, options, {
      resumeAfter,
      batchCommitting: async (s, key) => {
        await saveCursor(s, name, step.id, key);
        await verify();
        last = key;
      },
    });
    if (outcome === 'stopped') return outcome;
    await write('applied', last);
    return outcome;
  }
  if (step.perPartition !== undefined) {
    // Each partition is recorded in the cursor with its attach; a rerun goes on after the last one.
    const resumeAfter = Array.isArray(record?.cursor) ? (record.cursor as unknown[]) : null;
    let last: readonly unknown[] | null = resumeAfter;
    await write('running', last);
    await applyStep(session, step, options, {
      resumeAfter,
      outsideTransaction: verify,
      batchCommitting: async (s, partition) => {
        await saveCursor(s, name, step.id, partition);
        await verify();
        last = partition;
      },
    });
    await write('applied', last);
    return 'done';
  }
  if (step.transactional) {
    await applyStep(session, step, options, {
      committing: async (s) => {
        await recordStep(s, name, step.id, 'applied');
        await verify();
      },
    });
    return 'done';
  }
  if (record !== undefined) {
    await verify();
    for (const sql of step.repair) await session.query(sql);
  }
  await write('running');
  await applyStep(session, step, options, { outsideTransaction: verify });
  await write('applied');
  return 'done';
}
