import os from 'node:os';
import { releaseAll } from '../errors/release-all.js';
import type { RunOptions } from '../execute/run-options.js';
import { StepFailedError } from '../execute/step-failed-error.js';
import { checkTableFacts } from './check-assumptions.js';
import { ensureLedger, finishMigration, readMigrations, recordPlanSchemas, startMigration } from './ledger.js';
import type { MigrateEvent } from './migrate-events.js';
import { listMigrationFiles } from './migration-files.js';
import { inLockedTransaction } from './locked-transaction.js';
import {
  migrationGate,
  systemClock,
  type GateStop,
  type MigrationClock,
  type MigrationWindows,
  type ThrottleLimits,
} from './migration-gate.js';
import { acquireMigrationLock, type MigrationLockOptions } from './migration-lock.js';
import { pendingMigrations, type Allowances } from './pending-migrations.js';
import { runPlanMigration } from './run-plan-migration.js';
import { runSqlMigration } from './run-sql-migration.js';
import { stepsUpTo } from './steps-up-to.js';

export interface MigrateOptions extends Omit<RunOptions, 'onEvent'>, Allowances {
  /** The target database. */
  readonly url: string;
  /** The migrations directory (see `listMigrationFiles`). */
  readonly directory: string;
  readonly lock?: MigrationLockOptions;
  /** Stop after this step id, or after the last step of this phase, in the first migration that has it. */
  readonly to?: string;
  /** Who is recorded in the ledger (default `<os user>@<host>`). */
  readonly appliedBy?: string;
  /** How the user runs `wesley plan` (`wesley plan --config db/wesley.config.ts`), for the help of a refusal to plan again (WES171, WES172). */
  readonly planCommand?: string;
  readonly onEvent?: (event: MigrateEvent) => void;
  /**
   * When `backfill`, `validate` and `contract` steps may run (the config's `windows`); `expand`
   * steps and SQL files run at any time. Absent: any step at any time.
   */
  readonly windows?: MigrationWindows | undefined;
  /** Outside a window, sleep until the next one opens instead of stopping. */
  readonly wait?: boolean | undefined;
  /** Limits past which backfill batches pause (the config's `maxReplicaLagMs`, `maxActiveSessions`). */
  readonly throttle?: ThrottleLimits | undefined;
  /** The clock of the windows and pauses (default the system's). */
  readonly clock?: MigrationClock | undefined;
}

export interface MigrateResult {
  /** Migrations applied by this run, in order. */
  readonly applied: readonly string[];
  /** The migration this run stopped inside (`to`, or a window), or `null`. */
  readonly stoppedIn: string | null;
  /** Why the windows stopped it (the next window, or a wait interrupted), or `null`. */
  readonly gateStop: GateStop | null;
}

/**
 * Applies the pending migrations of a directory, one migrator at a time (a session advisory
 * lock), recording each in the ledger so that a killed run resumes exactly where it stopped.
 * Before anything runs, the directory is checked against the ledger and every pending migration
 * is read through (`pendingMigrations`): bad input stops the run before it changes anything.
 */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  // Where the run is, for the error that says the lock was lost there.
  let migration: string | null = null;
  let step: string | null = null;
  const onEvent = (event: MigrateEvent) => {
    if (event.kind === 'migration-start') [migration, step] = [event.migration, null];
    if (event.kind === 'step-start') step = event.stepId;
    options.onEvent?.(event);
  };
  const files = await listMigrationFiles(options.directory);
  const lockName = options.lock?.name ?? 'wesley';
  const lock = await acquireMigrationLock(options.url, { ...options.lock, onWait: () => onEvent({ kind: 'lock-wait', name: lockName }) });
  // All the work runs on the session that holds the lock (docs/architecture.md#one-migrator-at-a-time).
  const session = lock.session;
  const gate = migrationGate(session, options, options.clock ?? systemClock, () => migration ?? '', onEvent);
  // The error the run failed with, if it did: an error while letting go must not replace it.
  let failed: { error: unknown } | null = null;
  try {
    await ensureLedger(session);
    const ledger = await readMigrations(session);
    const { pending, plans, usageNotice } = await pendingMigrations(session, files, ledger, options, options.planCommand);
    if (usageNotice !== null) onEvent({ kind: 'notice', message: usageNotice });
    const applied: string[] = [];
    const appliedBy = options.appliedBy ?? `${os.userInfo().username}@${os.hostname()}`;
    for (const file of pending) {
      const started = Date.now();
      const plan = plans.get(file.name);
      // The first was checked before the run; a later one's tables are as the migrations before it left them.
      if (plan !== undefined && file !== pending[0]) await checkTableFacts(session, file, plan, ledger.get(file.name), options.planCommand);
      onEvent({ kind: 'migration-start', migration: file.name, type: file.kind, resumed: ledger.has(file.name) });
      await inLockedTransaction(lock, file.name, null, async () => {
        await startMigration(session, { name: file.name, checksum: file.checksum, kind: file.kind, appliedBy });
        if (plan !== undefined) await recordPlanSchemas(session, file.name, plan);
      });
      const runOptions = { ...options, onEvent, lock };
      const complete =
        plan === undefined
          ? await runSqlMigration(session, file, runOptions)
          : await runPlanMigration(session, file.name, plan, {
              ...runOptions,
              include: stepsUpTo(plan, options.to),
              beforeStep: (step) => gate.beforeStep(step.id, step.phase),
              beforeBatch: (stepId) => gate.beforeBatch(stepId),
            });
      if (!complete) {
        // The gate reported why it stopped (window-closed); otherwise `to` did.
        if (gate.stopped === null) onEvent({ kind: 'migration-stopped', migration: file.name, after: options.to ?? '' });
        return { applied, stoppedIn: file.name, gateStop: gate.stopped };
      }
      await inLockedTransaction(lock, file.name, null, () => finishMigration(session, file.name));
      applied.push(file.name);
      onEvent({ kind: 'migration-done', migration: file.name, durationMs: Date.now() - started });
    }
    return { applied, stoppedIn: null, gateStop: null };
  } catch (error) {
    // A failure because the lock's session ended (or lost the lock) is reported as that.
    const lost = await lock.lostBy(error, migration, step);
    const reported = lost ?? (error instanceof StepFailedError && migration !== null ? error.inMigration(migration) : error);
    failed = { error: reported };
    throw reported;
  } finally {
    const letGo = [
      { during: 'closing the connection to the heartbeat replica', run: () => gate.close() },
      { during: 'releasing the migration lock', run: () => lock.release() },
    ];
    await releaseAll(letGo, failed, (message) => onEvent({ kind: 'notice', message }));
  }
}
