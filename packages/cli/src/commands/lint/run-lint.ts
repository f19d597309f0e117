import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WesleyConfig } from '@wesley/config';
import { lintRules, type LintCatalog } from '@wesley/core/run';
import { checkDatabaseUrl, connect, lintSqlFile, readLintCatalog, type LintedFile } from '@wesley/postgres/run';
import { exitCodes } from '../../exit-codes.js';
import { describeFailure, writeFailure } from '../../failure/index.js';
import { formatLintFinding, lintJson, lintSarif, lintTargets } from '../../lint/index.js';
// Each module itself, not the barrels, which bring the compiler: lint loads core's small entry alone.
import { formatDiagnosticSummary } from '../../output/format-diagnostic-summary.js';
import { styleFor } from '../../output/style.js';
import { configServerVersion } from '../../plan/config-server-version.js';
import { formatServerVersion } from '../../plan/format-server-version.js';
import { serverVersionFlag } from '../../plan/parse-server-version.js';
import { UsageError } from '../../usage-error.js';
import { commandConfig, configRelative } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import { defaultServerVersion } from '../plan/plan-options.js';
import { lintFormats, type lintOptions } from './lint-options.js';

const name = 'lint';

/** Runs `wesley lint` with its parsed flags. */
export const runLint: CommandRun<typeof lintOptions> = async (values, context, positionals) => {
  const format = values.json === true ? 'json' : (values.format ?? 'text');
  if (values.json === true && values.format !== undefined && values.format !== 'json')
    throw new UsageError(`--json prints JSON and --format ${values.format} does not; pick one`, name);
  if (!(lintFormats as readonly string[]).includes(format))
    throw new UsageError(`--format takes ${lintFormats.join(', ')}, not '${format}'`, name);
  const flagVersion = serverVersionFlag(values['server-version'], name);
  const config = await commandConfig(values.config, context.cwd);
  if (positionals.length === 0 && config === null)
    throw new UsageError('missing <file|dir> (or --config <file>, whose migrations directory is linted)', name);
  // A config's migrations directory not made yet holds no migration, as migrate reads it.
  const targets =
    positionals.length > 0
      ? await lintTargets(positionals, context.cwd, name)
      : config === null || !existsSync(path.resolve(config.directory, config.migrations))
        ? []
        : await lintTargets([configRelative(config, config.migrations, context.cwd)], context.cwd, name);
  const url = databaseUrl(values, config, context.env ?? process.env);
  let live: { serverVersion: number; catalog: LintCatalog } | null = null;
  const files: LintedFile[] = [];
  let serverVersion = flagVersion ?? (config === null ? null : configServerVersion(config));
  try {
    if (url !== null) live = await readDatabase(url);
    serverVersion ??= live?.serverVersion ?? defaultServerVersion;
    for (const target of targets) {
      files.push(await lintSqlFile(target.path, { file: target.shown, serverVersion, catalog: live?.catalog }));
    }
  } catch (error) {
    return writeFailure(context, name, describeFailure(error, url));
  }
  const findings = files.flatMap((file) => file.findings);
  const failed = findings.some((finding) => finding.severity === 'error');
  const reports = files.map(({ text: _text, ...report }) => report);
  switch (format) {
    case 'json':
      context.stdout.write(`${JSON.stringify(lintJson(reports, serverVersion, live !== null), null, 2)}\n`);
      break;
    case 'sarif':
      context.stdout.write(`${JSON.stringify(lintSarif(reports, lintRules), null, 2)}\n`);
      break;
    case 'text': {
      const style = styleFor(context.stdout.color);
      for (const file of files)
        for (const finding of file.findings) context.stdout.write(`${formatLintFinding(finding, file.text, style)}\n\n`);
      const statements = files.reduce((sum, file) => sum + file.statements, 0);
      const counted = formatDiagnosticSummary(findings);
      context.stdout.write(
        `wesley lint: ${files.length} file${files.length === 1 ? '' : 's'}, ${statements} statement${statements === 1 ? '' : 's'} ` +
          `for PostgreSQL ${formatServerVersion(serverVersion)}${live === null ? '' : ' and the tables of the database'}: ${counted === '' ? 'no findings' : counted}\n`,
      );
      break;
    }
  }
  return failed ? exitCodes.failure : exitCodes.ok;
};

/**
 * The database to read, or `null`: only when asked for (`--database-url`, `--url-env`, or a
 * config's `--database`), never `DATABASE_URL` on its own, so that the same files lint the same
 * everywhere (and Nx may cache the result) unless a database is named.
 *
 * @throws UsageError when the variable named holds no URL, or `--database` names none of the config's.
 */
function databaseUrl(
  values: { readonly 'database-url'?: string | undefined; readonly 'url-env'?: string | undefined; readonly database?: string | undefined },
  config: WesleyConfig | null,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  if (values['database-url'] !== undefined) {
    checkDatabaseUrl(values['database-url'], '--database-url');
    return values['database-url'];
  }
  let variable = values['url-env'];
  if (values.database !== undefined) {
    if (config === null) throw new UsageError('--database <name> picks a database of the config file: pass --config too', name);
    const database = config.databases.find((candidate) => candidate.name === values.database);
    if (database === undefined)
      throw new UsageError(
        `the config has no database '${values.database}' (it lists ${config.databases.map((d) => d.name).join(', ')})`,
        name,
      );
    variable ??= database.urlEnv ?? 'DATABASE_URL';
  }
  if (variable === undefined) return null;
  const url = env[variable];
  if (url === undefined || url === '') throw new UsageError(`${variable} holds no database URL`, name);
  checkDatabaseUrl(url, variable);
  return url;
}

/** The server's version and its tables, read in one short session. */
async function readDatabase(url: string): Promise<{ serverVersion: number; catalog: LintCatalog }> {
  const session = await connect(url);
  try {
    const { rows } = await session.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
    return { serverVersion: Number(rows[0]?.version), catalog: await readLintCatalog(session) };
  } finally {
    await session.close();
  }
}
