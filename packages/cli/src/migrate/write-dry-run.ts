import type { BatchSizing, LintFinding, StepTimeouts } from '@wesley/core/run';
import {
  connect,
  hasLedger,
  pendingMigrations,
  readMigrations,
  readSteps,
  stepsUpTo,
  type Allowances,
  type LedgerMigration,
  type LedgerStep,
  type MigrationFile,
} from '@wesley/postgres/run';
import type { DatabaseTarget } from '../database/index.js';
import { sqlComment } from '../plan/sql-comment.js';
import { renderPlanDryRun } from './dry-run-plan.js';
import { writeSqlFileDryRun } from './dry-run-sql-file.js';

export interface DryRunOptions {
  /** The migrations directory, as `listMigrationFiles` read it into `files`. */
  readonly directory: string;
  /** How to name it in the output. */
  readonly shownDirectory: string;
  readonly files: readonly MigrationFile[];
  /** The `--allow-*` flags: the dry run refuses what the run would. */
  readonly allow: Allowances;
  readonly to: string | undefined;
  readonly timeouts: StepTimeouts & BatchSizing;
  /** How the user runs `wesley plan`, for the help of a refusal to plan again (`MigrateOptions.planCommand`). */
  readonly planCommand: string | undefined;
}

/**
 * `wesley migrate --dry-run`: reads the ledger (nothing is written, not even the ledger itself)
 * and writes the SQL that `wesley migrate` would run now, migration by migration, from where an
 * earlier run stopped. It refuses what the migrator refuses, with the same checks
 * (`pendingMigrations`), before writing anything: an applied migration edited, renamed or
 * missing, one out of order, a broken `plan.json`, a destructive plan without
 * `--allow-destructive`, a SQL file with transaction control of its own, an unapproved hazard in
 * one (WES340). What the linter found in a SQL file that runs anyway is written above it.
 *
 * @throws the migrator's errors (`MigrationEditedError`, `RenamedMigrationError`,
 * `InvalidPlanFileError`, `DestructiveMigrationError`, ...) and `ConnectionError`.
 */
export async function writeDryRun(target: DatabaseTarget, options: DryRunOptions, write: (text: string) => void): Promise<void> {
  const session = await connect(target.url);
  try {
    // Read only: a database without a ledger has run nothing.
    const ledger = (await hasLedger(session)) ? await readMigrations(session) : new Map<string, LedgerMigration>();
    const { pending, plans, sqlFindings, usageNotice } = await pendingMigrations(
      session,
      options.files,
      ledger,
      options.allow,
      options.planCommand,
    );

    write(
      `${header(
        target,
        options,
        pending.map((file) => file.name),
      )}\n`,
    );
    // The run would print it as a notice; the dry run says it where the SQL is read.
    if (usageNotice !== null) write(`-- ${usageNotice}\n`);
    for (const file of pending) {
      const steps = ledger.has(file.name) ? await readSteps(session, file.name) : new Map<string, LedgerStep>();
      const plan = plans.get(file.name);
      write('\n');
      if (plan === undefined) {
        const findings = sqlFindings.get(file.name) ?? [];
        if (findings.length > 0) write(`${lintComment(findings)}\n`);
        const cursor = steps.get('statements')?.cursor;
        await writeSqlFileDryRun(file, typeof cursor === 'number' ? cursor : 0, options.timeouts, write);
        continue;
      }
      const rendered = renderPlanDryRun(file.name, plan, {
        ledger: steps,
        include: stepsUpTo(plan, options.to),
        timeouts: options.timeouts,
      });
      write(`${rendered.sql}\n`);
      if (rendered.stopped) return;
    }
  } finally {
    await session.close();
  }
}

/**
 * What the linter found in a SQL file that runs anyway (approved, or `--allow-blocking`), as SQL
 * comments above its statements: each finding's place, code, rule and message, its approval.
 */
function lintComment(findings: readonly LintFinding[]): string {
  return sqlComment(
    findings.flatMap((finding) => [
      `${finding.file}:${finding.line}:${finding.column}  ${finding.code}  ${finding.severity}  ${finding.rule}: ${finding.message}`,
      finding.approval === null
        ? '  runs with --allow-blocking'
        : `  approved on line ${finding.approval.line}: ${finding.approval.reason}`,
    ]),
  );
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
