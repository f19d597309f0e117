import os from 'node:os';
import { planDataLoss, undoStep, type Plan, type PlanStep } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import { releaseAll } from '../errors/release-all.js';
import { applyStep } from '../execute/apply-step.js';
import { partitionIndexLeftovers } from '../execute/partition-index-leftovers.js';
import type { RunOptions } from '../execute/run-options.js';
import { StepFailedError } from '../execute/step-failed-error.js';
import { ensureLedger, readMigrations, readSteps, recordUndo, setMigrationStatus, type LedgerMigration } from './ledger.js';
import { checkServerVersion } from './check-assumptions.js';
import { inLockedTransaction } from './locked-transaction.js';
import type { MigrateEvent } from './migrate-events.js';
import { DestructiveMigrationError } from './migration-errors.js';
import { listMigrationFiles, type MigrationFile } from './migration-files.js';
import { acquireMigrationLock, type MigrationLock, type MigrationLockOptions } from './migration-lock.js';
import { readPlanFile } from './read-plan-file.js';
import { judgeUsage, type UsageAllowances } from '../usage/usage-gate.js';
import { IrreversibleStepsError, MigrationStateError, NoRecordedRollbackError } from './rollback-errors.js';

export interface RollbackOptions extends Omit<RunOptions, 'onEvent'>, Omit<UsageAllowances, 'to'> {
  readonly url: string;
  readonly directory: string;
  /** The migration to roll back: its name in the directory and the ledger. */
  readonly migration: string;
  /** Run undo steps that lose data (dropping a column the migration added, with what was written to it since). */
  readonly allowDestructive?: boolean;
  readonly lock?: MigrationLockOptions;
  readonly onEvent?: (event: MigrateEvent) => void;
}

export interface RollbackResult {
  /** Ids of the steps undone by this run, in the order undone. */
  readonly undone: readonly string[];
  /** `true` when the ledger already showed the migration rolled back: nothing ran. */
  readonly already: boolean;
}

/**
 * Rolls back a planned migration that was applied or stopped part way: the recorded rollback of
 * each step the ledger shows applied (or started), last step first, each run like any step
 * (`applyStep`: `lock_timeout`, retries; one that cannot run in a transaction on its own) on the
 * session holding the migration lock. Exactly once, crash or not: a transactional undo sets its
 * step's row to `rolled-back` in its own transaction; one outside a transaction is recorded
 * `rolling-back` before and `rolled-back` after, and is run again when found `rolling-back`
 * (the planner's non-transactional undos are `IF EXISTS`). A forward step found `running`
 * (interrupted) gets its `repair` first. Then the migration is `rolled-back`, and its file may be
 * replaced: `migrate` runs it again from the start.
 *
 * Refused before anything runs: a SQL migration (WES180), a step with no rollback (WES181), a
 * migration not in the directory, unknown to the ledger or followed by one that ran (WES182), a
 * server outside the plan's version range (WES170, as `migrate` refuses it), undo steps that
 * lose data without `allowDestructive` (WES155), undo steps that drop or rename what queries still
 * used within the usage window (WES361, WES360; `judgeUsage`) without `ignoreUsage`.
 */
export async function rollbackMigration(options: RollbackOptions): Promise<RollbackResult> {
  const name = options.migration;
  const file = (await listMigrationFiles(options.directory)).find((candidate) => candidate.name === name);
  if (file === undefined) {
    throw new MigrationStateError(
      name,
      `migration ${name} is not in the migrations directory`,
      'give the name of a migration directory (wesley status lists them)',
    );
  }
  if (file.kind === 'sql') throw new NoRecordedRollbackError(name);
  const plan = await readPlanFile(file.path);
  const onEvent = options.onEvent ?? (() => undefined);
  const lockName = options.lock?.name ?? 'wesley';
  const lock = await acquireMigrationLock(options.url, { ...options.lock, onWait: () => onEvent({ kind: 'lock-wait', name: lockName }) });
  let step: string | null = null;
  let failed: { error: unknown } | null = null;
  try {
    const session = lock.session;
    await ensureLedger(session);
    const ledger = await readMigrations(session);
    const entry = ledger.get(name);
    if (entry?.status === 'rolled-back') return { undone: [], already: true };
    if (entry === undefined) {
      throw new MigrationStateError(
        name,
        `migration ${name} has not run on this database: there is nothing to roll back`,
        'wesley status shows what has run',
      );
    }
    if (entry.checksum !== file.checksum) {
      throw new MigrationStateError(
        name,
        `migration ${name} ran with checksum ${entry.checksum.slice(0, 19)}… but its plan.json now has ${file.checksum.slice(0, 19)}…: its recorded rollbacks are those of another plan`,
        'put back the plan.json that ran (from version control), then roll back',
      );
    }
    const later = [...ledger.values()].filter((other) => other.name > name && other.status !== 'rolled-back').map((other) => other.name);
    if (later.length > 0) {
      throw new MigrationStateError(
        name,
        `migration ${name} cannot be rolled back while ${later.join(', ')}, which ran after it, ${later.length === 1 ? 'is' : 'are'} not rolled back`,
        `roll back ${later.length === 1 ? later[0] : 'those'} first (last first)`,
      );
    }
    // The undo statements were planned for the plan's server versions, as the forward ones were.
    await checkServerVersion(session, new Map([[name, plan]]));
    const undo = await stepsToUndo(session, name, plan);
    const irreversible = undo.filter(({ step: s }) => s.rollback === null).map(({ step: s }) => s.id);
    if (irreversible.length > 0) throw new IrreversibleStepsError(name, irreversible);
    const undoPlan: Plan = { ...plan, steps: undo.flatMap(({ step: s }) => undoStep(s) ?? []) };
    const loss = planDataLoss(undoPlan);
    if (loss.length > 0 && options.allowDestructive !== true) throw new DestructiveMigrationError(name, loss);
    // Undoing an expand drops what it added, which a newer application may already read: judged as a contract's drops are.
    const usageNotice = await judgeUsage(session, new Map([[name, undoPlan]]), new Map(), options);
    if (usageNotice !== null) onEvent({ kind: 'notice', message: usageNotice });

    const record = ledgerEntry(entry, file);
    await inLockedTransaction(lock, name, null, () => setMigrationStatus(session, record, 'rolling-back'));
    onEvent({ kind: 'migration-start', migration: name, type: 'plan', resumed: entry.status === 'rolling-back' });
    const undone: string[] = [];
    const runOptions = { ...options, onEvent };
    for (const { step: forward, status } of undo) {
      step = forward.id;
      await undoOne(lock, name, forward, status, runOptions);
      undone.push(forward.id);
    }
    step = null;
    await inLockedTransaction(lock, name, null, () => setMigrationStatus(session, record, 'rolled-back'));
    return { undone, already: false };
  } catch (error) {
    const lost = await lock.lostBy(error, name, step);
    const reported = lost ?? (error instanceof StepFailedError ? error.inMigration(name) : error);
    failed = { error: reported };
    throw reported;
  } finally {
    await releaseAll([{ during: 'releasing the migration lock', run: () => lock.release() }], failed, (message) =>
      onEvent({ kind: 'notice', message }),
    );
  }
}

/** The steps the ledger shows applied, started or being undone, last first, with their status. */
async function stepsToUndo(session: Connection, name: string, plan: Plan): Promise<{ step: PlanStep; status: string }[]> {
  const rows = await readSteps(session, name);
  const found: { step: PlanStep; status: string }[] = [];
  for (const step of [...plan.steps].reverse()) {
    const status = rows.get(step.id)?.status;
    if (status !== undefined && status !== 'rolled-back') found.push({ step, status });
  }
  return found;
}

async function undoOne(
  lock: MigrationLock,
  name: string,
  forward: PlanStep,
  status: string,
  options: RunOptions & { readonly onEvent: (event: MigrateEvent) => void },
): Promise<void> {
  const { session } = lock;
  const verify = async (): Promise<void> => {
    await lock.verify(name, forward.id);
  };
  const write = (to: 'rolling-back' | 'rolled-back') =>
    inLockedTransaction(lock, name, forward.id, () => recordUndo(session, name, forward.id, to));
  // An interrupted CONCURRENTLY build may have left an INVALID index that its undo would not drop.
  if (status === 'running' && !forward.transactional && forward.backfill === null) {
    await verify();
    for (const sql of forward.repair) await session.query(sql);
  }
  // Indexes a per-partition build left unattached: the parent index's drop (its own undo, later) leaves them.
  const leftovers = forward.perPartition === undefined ? [] : await partitionIndexLeftovers(session, forward, forward.perPartition);
  if (leftovers.length > 0) await write('rolling-back');
  for (const drop of leftovers)
    await applyStep(session, drop, options, drop.transactional ? { committing: verify } : { outsideTransaction: verify });
  const undo = undoStep(forward);
  if (undo === null) {
    await write('rolled-back');
    return;
  }
  if (undo.transactional) {
    await applyStep(session, undo, options, {
      committing: async (s) => {
        await recordUndo(s, name, forward.id, 'rolled-back');
        await verify();
      },
    });
    return;
  }
  await write('rolling-back');
  await applyStep(session, undo, options, { outsideTransaction: verify });
  await write('rolled-back');
}

/** The ledger's identity of the migration, for its status updates. */
function ledgerEntry(entry: LedgerMigration, file: MigrationFile) {
  return { name: entry.name, checksum: file.checksum, kind: file.kind, appliedBy: `${os.userInfo().username}@${os.hostname()}` };
}
