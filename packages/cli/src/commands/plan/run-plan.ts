import path from 'node:path';
import { formatExplain, planMigration, serializePlan, type Approval, type Plan, type SourcePosition } from '@wesley/core';
import type { CliContext, OutputStream } from '../../cli-context.js';
import { displayPath } from '@wesley/config/files';
import { exitCodes } from '../../exit-codes.js';
// The formatter alone: the explain barrel's estimatePending would load the database driver.
import { describeCalibration, formatEstimates } from '../../explain/format-estimates.js';
import { formatIrJson, writeArtifacts } from '../../generate/index.js';
import { nodeSha256 } from '../../node-sha256.js';
import { writeDiagnostics } from '../../output/index.js';
import {
  baselineInput,
  changeLocator,
  emptySchemaInput,
  configServerVersion,
  formatPlanSteps,
  formatServerVersion,
  isDatabaseUrl,
  loadSchemaInput,
  migrationDirectory,
  nextMigrationName,
  serverVersionFlag,
  PlanInputError,
  sdlPositions,
  type SchemaInput,
} from '../../plan/index.js';
import { parseRowsFlag } from '../../migrate/parse-rows-flag.js';
import { UsageError } from '../../usage-error.js';
import { commandConfig, compileOptions, configSchemaPatterns } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import { defaultBlockingReason, defaultServerVersion, type planOptions } from './plan-options.js';

const name = 'plan';

/** Runs `wesley plan` with its parsed flags. */
export const runPlan: CommandRun<typeof planOptions> = async (values, context) => {
  if (values.json === true && values.explain === true) throw new UsageError('--json and --explain both print the plan; pick one', name);
  const config = await commandConfig(values.config, context.cwd);
  const fromValues = values.from ?? [];
  const fromDatabase = fromValues.length === 1 && isDatabaseUrl(fromValues[0] ?? '');
  if (values.schema !== undefined && !fromDatabase)
    throw new UsageError('--schema names the database schema to read, so it needs --from <database url>', name);
  const serverVersion = serverVersionFlag(values['server-version'], name);
  const batchSize = parseRowsFlag(values['batch-size'], '--batch-size', name);
  if (values['blocking-reason'] !== undefined && values['allow-blocking'] !== true)
    throw new UsageError('--blocking-reason is recorded with --allow-blocking: give both', name);
  if (values['blocking-reason']?.trim() === '') throw new UsageError('--blocking-reason needs a reason', name);
  if (values.name !== undefined && values.out !== undefined)
    throw new UsageError('--name picks the migration directory and --out names one: give one of them', name);
  const fromEmpty = fromValues.length === 1 && fromValues[0] === 'empty';
  try {
    // The files first: a wrong path is reported before a database is contacted.
    const toValues = values.to ?? configSchemaPatterns(config, context.cwd) ?? [];
    const compile = compileOptions(config);
    const to = await loadSchemaInput(toValues, {
      cwd: context.cwd,
      command: name,
      flag: '--to',
      allowIrAndDatabase: false,
      databaseSchema: 'public',
      compile,
    });
    const migrations = config === null ? null : path.resolve(config.directory, config.migrations);
    // --name numbers the migration in the config's migrations directory, else in ./migrations.
    const namedIn = migrations ?? path.resolve(context.cwd, 'migrations');
    const outDir =
      values.name !== undefined
        ? path.join(namedIn, await nextMigrationName(namedIn, values.name, name))
        : values.out === undefined
          ? null
          : path.resolve(context.cwd, values.out);
    // Planned into a migration of the directory, the baseline is where the migrations before it lead.
    const replanned = outDir !== null && path.dirname(outDir) === migrations ? path.basename(outDir) : null;
    if (!fromEmpty && migrations === null && fromValues.length === 0) {
      throw new UsageError(
        'missing --from <schema file|ir.json|database url>, or --from empty for the first migration (in a project with a wesley.config.*, its migrations give it)',
        name,
      );
    }
    const from = fromEmpty
      ? emptySchemaInput('the empty schema')
      : migrations !== null && values.from === undefined
        ? await baselineInput(migrations, context.cwd, name, replanned)
        : await loadSchemaInput(fromValues, {
            cwd: context.cwd,
            command: name,
            flag: '--from',
            allowIrAndDatabase: true,
            databaseSchema: values.schema ?? 'public',
            compile,
            comparedWith: to.ir,
          });
    return await plan(from, to, context, {
      // A database --from is the truth about its server; the config says what the databases run.
      serverVersion: serverVersion ?? from.serverVersion ?? (config === null ? null : configServerVersion(config)) ?? defaultServerVersion,
      batchSize,
      allowDestructive: values['allow-destructive'] === true,
      allowBlocking: values['allow-blocking'] === true ? { reason: values['blocking-reason']?.trim() ?? defaultBlockingReason } : null,
      output: values.json === true ? 'json' : values.explain === true ? 'explain' : 'steps',
      // --explain with a database --from: each step's cost on that database too.
      estimateUrl: values.explain === true && fromDatabase ? (fromValues[0] ?? null) : null,
      outDir,
      recordTarget: config !== null || values.name !== undefined,
    });
  } catch (error) {
    if (!(error instanceof PlanInputError)) throw error;
    context.stderr.write(`wesley plan: ${error.message}\n  help: ${error.help}\n`);
    return exitCodes.failure;
  }
};

interface PlanRun {
  readonly serverVersion: number;
  readonly batchSize: number | undefined;
  readonly allowDestructive: boolean;
  /** The approval recorded on each blocking step, `null` when blocking steps are refused. */
  readonly allowBlocking: Approval | null;
  readonly output: 'json' | 'explain' | 'steps';
  /** The database to estimate the steps against (`plan --from <url> --explain`), else `null`. */
  readonly estimateUrl: string | null;
  readonly outDir: string | null;
  /** Also write the target schema's `ir.json` into `outDir`: the baseline of the next `plan --config`. */
  readonly recordTarget: boolean;
}

async function plan(from: SchemaInput, to: SchemaInput, context: CliContext, run: PlanRun): Promise<number> {
  const sources = [...from.sources, ...to.sources];
  const compileDiagnostics = [...from.diagnostics, ...to.diagnostics];
  for (const notice of from.notices) context.stderr.write(`wesley plan: note: ${notice}\n`);
  if (from.ir === null || to.ir === null) {
    writeDiagnostics(context.stderr, compileDiagnostics, sources);
    context.stderr.write('wesley plan: no plan because of errors in the schema\n');
    return exitCodes.failure;
  }
  // With nothing in the SDL to point at (say, a table only the database has), the --to file.
  const fallback: SourcePosition = { file: to.sources[0]?.name ?? to.label, line: 1, column: 1 };
  const locate = changeLocator(
    { ir: from.ir, positions: sdlPositions(from.sources) },
    { ir: to.ir, positions: sdlPositions(to.sources) },
    fallback,
  );
  const result = planMigration(from.ir, to.ir, {
    serverVersion: run.serverVersion,
    allowDestructive: run.allowDestructive,
    ...(run.allowBlocking === null ? {} : { allowBlocking: run.allowBlocking }),
    ...(run.batchSize === undefined ? {} : { batchSize: run.batchSize }),
    locate,
    sha256: nodeSha256,
  });
  writeDiagnostics(context.stderr, [...compileDiagnostics, ...result.diagnostics], sources);
  if (result.plan === null) {
    context.stderr.write('wesley plan: no plan because of errors\n');
    return exitCodes.failure;
  }
  return report(result.plan, from, to, context, run);
}

async function report(plan: Plan, from: SchemaInput, to: SchemaInput, context: CliContext, run: PlanRun): Promise<number> {
  if (run.output === 'json') context.stdout.write(serializePlan(plan));
  if (plan.steps.length === 0) {
    if (run.output !== 'json') context.stdout.write(`wesley plan: nothing to do, ${from.label} already matches ${to.label}\n`);
    return exitCodes.ok;
  }
  // A blank line between the last statement and what follows.
  if (run.output === 'explain') context.stdout.write(`${formatExplain(plan)}\n`);
  if (run.estimateUrl !== null) context.stdout.write(await estimatePlan(plan, run.estimateUrl));
  if (run.output === 'steps') context.stdout.write(formatPlanSteps(plan));
  // JSON output stays parseable: everything else goes to stderr then.
  const notes: OutputStream = run.output === 'json' ? context.stderr : context.stdout;
  let written = '';
  if (run.outDir !== null) {
    const directory = migrationDirectory(plan);
    const target = run.recordTarget && to.ir !== null ? [{ file: 'ir.json', content: formatIrJson(to.ir) }] : [];
    const statuses = await writeArtifacts(run.outDir, [...directory.artifacts, ...target]);
    for (const status of statuses) {
      notes.write(`  ${status.state === 'fresh' ? 'unchanged' : 'wrote'} ${displayPath(context.cwd, status.path)}\n`);
    }
    written = `; migration in ${displayPath(context.cwd, run.outDir)}`;
    if (directory.irreversible.length > 0) {
      context.stderr.write(
        `wesley plan: warning: down.sql has no statements, because these steps cannot be undone: ${directory.irreversible.join(', ')}\n`,
      );
    }
  }
  const count = plan.steps.length;
  notes.write(
    `wesley plan: ${count} step${count === 1 ? '' : 's'} from ${from.label} to ${to.label} for PostgreSQL ${formatServerVersion(plan.serverVersion)}${written}\n`,
  );
  return exitCodes.ok;
}

/** The plan's steps estimated against the database it was planned from: the calibration line and the ranked table. */
async function estimatePlan(plan: Plan, url: string): Promise<string> {
  // Loaded only here: a plan between files needs no driver.
  const { connect, estimateSteps } = await import('@wesley/postgres/run');
  const session = await connect(url);
  try {
    const estimate = await estimateSteps(session, plan.steps);
    const steps = plan.steps.map((step) => ({ migration: '', step: step.id }));
    return `${describeCalibration(estimate)}\n\n${formatEstimates(estimate, steps)}\n`;
  } finally {
    await session.close();
  }
}
