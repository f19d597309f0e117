import type { Plan } from '@wesley/core';
import {
  connect,
  DestructiveMigrationError,
  destructiveSteps,
  MigrationEditedError,
  migrationStatus,
  readPlanFile,
  readSteps,
  stepsUpTo,
  type LedgerStep,
  type MigrationFile,
  type MigrationStatus,
} from '@wesley/postgres';
import type { DatabaseTarget } from '../database/index.js';
import { sqlComment } from '../plan/index.js';
import { renderPlanDryRun } from './dry-run-plan.js';
import { writeSqlFileDryRun } from './dry-run-sql-file.js';
import type { DryRunTimeouts } from './dry-run-timeouts.js';

export interface DryRunOptions {
  /** The migrations directory, as `listMigrationFiles` read it into `files`. */
  readonly directory: string;
  /** How to name it in the output. */
  readonly shownDirectory: string;
  readonly files: readonly MigrationFile[];
  readonly allowDestructive: boolean;
  readonly to: string | undefined;
  readonly timeouts: DryRunTimeouts;
}

/**
 * `wesley migrate --dry-run`: reads the ledger (nothing is written, not even the ledger itself)
 * and writes the SQL that `wesley migrate` would run now, migration by migration, from where an
 * earlier run stopped. It refuses what the migrator refuses, before writing anything: an applied
 * migration whose file changed, a broken `plan.json`, a destructive plan without
 * `--allow-destructive`.
 *
 * @throws the migrator's errors (`MigrationEditedError`, `InvalidPlanFileError`,
 * `DestructiveMigrationError`) and `ConnectionError`.
 */
export async function writeDryRun(target: DatabaseTarget, options: DryRunOptions, write: (text: string) => void): Promise<void> {
  const session = await connect(target.url);
  try {
    const statuses = await migrationStatus(session, options.directory);
    const byName = new Map(options.files.map((file) => [file.name, file]));
    const pending: { file: MigrationFile; status: MigrationStatus }[] = [];
    for (const status of statuses) {
      const file = byName.get(status.name);
      if (file === undefined) continue;
      if (status.state === 'edited' && status.ledger !== null)
        throw new MigrationEditedError(file.name, status.ledger.checksum, file.checksum);
      if (status.state === 'pending' || status.state === 'in progress') pending.push({ file, status });
    }
    const plans = new Map<string, Plan>();
    for (const { file } of pending) {
      if (file.kind !== 'plan') continue;
      const plan = await readPlanFile(file.path);
      const destructive = destructiveSteps(plan);
      if (destructive.length > 0 && !options.allowDestructive) throw new DestructiveMigrationError(file.name, destructive);
      plans.set(file.name, plan);
    }

    write(
      `${header(
        target,
        options,
        pending.map(({ file }) => file.name),
      )}\n`,
    );
    for (const { file, status } of pending) {
      const ledger = status.state === 'in progress' ? await readSteps(session, file.name) : new Map<string, LedgerStep>();
      const plan = plans.get(file.name);
      write('\n');
      if (plan === undefined) {
        const cursor = ledger.get('statements')?.cursor;
        await writeSqlFileDryRun(file, typeof cursor === 'number' ? cursor : 0, options.timeouts, write);
        continue;
      }
      const rendered = renderPlanDryRun(file.name, plan, { ledger, include: stepsUpTo(plan, options.to), timeouts: options.timeouts });
      write(`${rendered.sql}\n`);
      if (rendered.stopped) return;
    }
  } finally {
    await session.close();
  }
}

function header(target: DatabaseTarget, options: DryRunOptions, pending: readonly string[]): string {
  const lines = [`wesley migrate --dry-run: what wesley migrate would run now on ${target.label}. Nothing has run.`];
  if (pending.length === 0) {
    lines.push(`Nothing to do: every migration in ${options.shownDirectory} is applied.`);
    return sqlComment(lines);
  }
  lines.push(
    `${pending.length} pending in ${options.shownDirectory}: ${pending.join(', ')}.`,
    'Left out: the migration lock (pg_try_advisory_lock) and the ledger rows (wesley.migrations, wesley.steps)',
    'written in the same transactions. A transaction whose lock is not granted within lock_timeout is',
    'rolled back and run again after a backoff.',
  );
  return sqlComment(lines);
}
