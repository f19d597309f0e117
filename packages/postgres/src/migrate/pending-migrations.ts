import { unapprovedBlocking, type LintFinding, type Plan } from '@wesley/core/run';
import { BlockingMigrationError, type MigrationBlocking } from './blocking-migration-error.js';
import type { Queryable } from '../introspect/queryable.js';
import { checkPlanChain, checkServerVersion, checkTableFacts } from './check-assumptions.js';
import { liveSchemaHash } from './live-schema-hash.js';
import type { SpellingSession } from '../spelling/spell-on-server.js';
import { destructiveSteps } from './destructive-steps.js';
import { findTransactionControl } from './find-transaction-control.js';
import { isFrozen } from './frozen-migration.js';
import { MissingMigrationError, OutOfOrderMigrationError, RenamedMigrationError } from './history-errors.js';
import { readSteps, type LedgerMigration } from './ledger.js';
import { DestructiveMigrationError, MigrationEditedError } from './migration-errors.js';
import type { MigrationFile } from './migration-files.js';
import { migrationHistory } from './migration-history.js';
import { readPlanFile } from './read-plan-file.js';
import { judgeUsage, type UsageAllowances } from '../usage/usage-gate.js';
import { lintSqlFile } from '../lint/lint-sql-file.js';
import { readLintCatalog } from '../lint/read-lint-catalog.js';
import { SqlHazardError } from './sql-hazard-error.js';

/** What a run may do that it refuses by default. */
export interface Allowances extends UsageAllowances {
  /** Run planned steps that lose data. */
  readonly allowDestructive?: boolean;
  /**
   * Run steps that block reads or writes although their migration does not approve them (WES175),
   * and SQL migrations whose statements the linter reports as errors (WES340).
   */
  readonly allowBlocking?: boolean;
  /** Go on when applied migrations' files are gone from the directory (WES150). */
  readonly allowMissing?: boolean;
  /** Run pending migrations that sort before one already run (WES151). */
  readonly allowOutOfOrder?: boolean;
  /** The run's `--to`: the usage gate judges only the steps the run reaches. */
  readonly to?: string;
}

/** The migrations a run applies, in order, with the plans of the planned ones, all checked. */
export interface PendingMigrations {
  readonly pending: readonly MigrationFile[];
  readonly plans: ReadonlyMap<string, Plan>;
  /**
   * What the linter found in the statements of each pending SQL migration still to run, by
   * migration: approved ones, or any with `allowBlocking`.
   */
  readonly sqlFindings: ReadonlyMap<string, readonly LintFinding[]>;
  /** What the usage gate could not judge, and why (no usage window configured and no `pg_stat_statements`); `null` when it judged. */
  readonly usageNotice: string | null;
}

/**
 * Every check that decides whether a run may start, made before its first statement, so bad input
 * changes nothing: an applied migration edited (`MigrationEditedError`); the directory against the
 * ledger's history: a migration renamed (WES152, never allowed), applied ones missing (WES150),
 * pending ones out of order (WES151); each pending plan read and validated whole (WES154) and
 * refused if it loses data without `allowDestructive` (WES155); each pending SQL file read
 * through for transaction control of its own (WES153), from where an earlier run stopped; steps
 * that block reads or writes without an approval in their plan, all named in one refusal, without
 * `allowBlocking` (WES175); objects that steps drop or rename still used within the usage window
 * (WES361, `checkUsageGate`), unless `ignoreUsage`; the statements of pending SQL files still to run, linted (core's
 * `lintSql`) for this server and the tables as they are, every error finding named in one refusal,
 * without `allowBlocking` (WES340); the plans' assumptions: the server's version in each plan's range (WES170), each plan starting
 * where the migration before it leads (WES172), and the first one's table facts (WES171), whose help names
 * `planCommand` (how the user runs `wesley plan`) to plan one again.
 */
export async function pendingMigrations(
  db: Queryable & SpellingSession,
  files: readonly MigrationFile[],
  ledger: ReadonlyMap<string, LedgerMigration>,
  allow: Allowances,
  planCommand?: string,
): Promise<PendingMigrations> {
  for (const file of files) {
    const entry = ledger.get(file.name);
    if (entry !== undefined && entry.checksum !== file.checksum && isFrozen(entry, await readSteps(db, file.name))) {
      throw new MigrationEditedError(file.name, entry.checksum, file.checksum);
    }
  }
  const history = await migrationHistory(db, files, ledger);
  if (history.renamed.length > 0) throw new RenamedMigrationError(history.renamed);
  if (history.missing.length > 0 && allow.allowMissing !== true) throw new MissingMigrationError(history.missing);
  if (history.outOfOrder.length > 0 && allow.allowOutOfOrder !== true)
    throw new OutOfOrderMigrationError(history.outOfOrder, history.lastRun ?? '');
  const pending = files.filter((file) => ledger.get(file.name)?.status !== 'applied');
  const plans = new Map<string, Plan>();
  const blocking: MigrationBlocking[] = [];
  const sqlFiles: { file: MigrationFile; from: number }[] = [];
  for (const file of pending) {
    if (file.kind === 'plan') {
      const plan = await readPlanFile(file.path);
      const destructive = destructiveSteps(plan);
      if (destructive.length > 0 && allow.allowDestructive !== true) throw new DestructiveMigrationError(file.name, destructive);
      blocking.push(...unapprovedBlocking(plan).map((finding) => ({ ...finding, migration: file.name })));
      plans.set(file.name, plan);
      continue;
    }
    const cursor = ledger.has(file.name) ? (await readSteps(db, file.name)).get('statements')?.cursor : undefined;
    const from = typeof cursor === 'number' ? cursor : 0;
    const control = await findTransactionControl(file, from);
    if (control !== null) throw control;
    sqlFiles.push({ file, from });
  }
  // After every file is read, so that one refusal names every unapproved step of the run.
  if (blocking.length > 0 && allow.allowBlocking !== true) throw new BlockingMigrationError(blocking);
  const usageNotice = await judgeUsage(db, plans, ledger, allow);
  const sqlFindings = await lintSqlMigrations(db, pending, plans, sqlFiles);
  // A statement that does not parse (WES300) is left to the server, the judge of its own syntax: it
  // reports the error at the statement, with its SQLSTATE, before that stretch commits anything.
  const refused = [...sqlFindings.values()].flat().filter((finding) => finding.severity === 'error' && finding.code !== 'WES300');
  if (refused.length > 0 && allow.allowBlocking !== true) throw new SqlHazardError(refused);
  await checkServerVersion(db, plans);
  await checkPlanChain(pending, plans, ledger, files, (file, plan) => liveSchemaHash(db, file.path, plan), planCommand);
  // The first migration's tables are as the run finds them; a later one's are checked when it starts (`migrate`).
  const [first] = pending;
  const firstPlan = first === undefined ? undefined : plans.get(first.name);
  if (first !== undefined && firstPlan !== undefined) await checkTableFacts(db, first, firstPlan, ledger.get(first.name), planCommand);
  return { pending, plans, sqlFindings, usageNotice };
}

/**
 * The linter's findings in the statements of pending SQL migrations still to run, judged for this
 * server and its tables as they are before the run. A table a migration before the file creates in
 * this run (a planned `create-table` step, or a `CREATE TABLE` of an earlier SQL file) is judged
 * as the catalog would show it then, empty: no one but the run uses it yet, so a lock on it blocks
 * no one (pg_dump's own order, a table's indexes in a file after it, included).
 */
async function lintSqlMigrations(
  db: Queryable,
  pending: readonly MigrationFile[],
  plans: ReadonlyMap<string, Plan>,
  files: readonly { file: MigrationFile; from: number }[],
): Promise<Map<string, readonly LintFinding[]>> {
  const findings = new Map<string, readonly LintFinding[]>();
  if (files.length === 0) return findings;
  const { rows } = await db.query<{ version: string; schema: string | null }>(
    `SELECT current_setting('server_version_num') AS version, current_schema() AS schema`,
  );
  const serverVersion = Number(rows[0]?.version);
  const live = await readLintCatalog(db);
  const tables = new Map(live.tables);
  const createdInRun = (table: string) => {
    if (!tables.has(table)) tables.set(table, { rows: 0, bytes: 0, partitioned: false });
  };
  for (const migration of pending) {
    const plan = plans.get(migration.name);
    if (plan !== undefined) {
      // A plan names tables as the search_path finds them: the first schema of the path.
      for (const step of plan.steps)
        if (step.operation === 'createTable')
          for (const lock of step.locks) createdInRun(`${rows[0]?.schema ?? 'public'}.${lock.relation}`);
      continue;
    }
    const file = files.find((candidate) => candidate.file === migration);
    if (file === undefined) continue;
    const shown = migration.path.endsWith(migration.name) ? migration.name : `${migration.name}/up.sql`;
    const report = await lintSqlFile(migration.path, { file: shown, serverVersion, catalog: { tables }, from: file.from });
    findings.set(migration.name, report.findings);
    for (const table of report.creates) createdInRun(table);
  }
  return findings;
}
