import { parseUsageWindow } from '@wesley/config';
import {
  columnUsage,
  compileSchema,
  defaultUsageWindowMs,
  formatSpan,
  hasErrors,
  loadSqlParser,
  unusedObjects,
  windowUsage,
  type SchemaIR,
  type SchemaSource,
} from '@wesley/core';
import { connect, readStoredSnapshots, readUsageSnapshot, storeUsageSnapshot } from '@wesley/postgres';
import { withDatabase } from '../../database/index.js';
import { exitCodes } from '../../exit-codes.js';
import { describeFailure, writeFailure } from '../../failure/index.js';
import { writeDiagnostics } from '../../output/index.js';
import { loadSchemaSources } from '../../schema/index.js';
import { describeUnused, formatUsageTable, usageDiagnostics } from '../../usage-report/index.js';
import { UsageError } from '../../usage-error.js';
import { commandConfig, compileOptions, configSchemaPatterns } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import type { usageOptions } from './usage-options.js';

const name = 'usage';

/** Runs `wesley usage` with its parsed flags. */
export const runUsage: CommandRun<typeof usageOptions> = async (values, context) => {
  const json = values.json === true;
  const config = await commandConfig(values.config, context.cwd);
  const windowMs = values.window === undefined ? (config?.usageWindowMs ?? defaultUsageWindowMs) : parseUsageWindow(values.window);
  if (windowMs === null)
    throw new UsageError(`--window ${values.window ?? ''}: give minutes, hours, days or weeks (30min, 12h, 7d, 2w)`, name);
  const patterns = values.schema ?? configSchemaPatterns(config, context.cwd) ?? [];
  const dbSchema = values['db-schema'] ?? 'public';
  await loadSqlParser();
  let schema: { ir: SchemaIR; sources: readonly SchemaSource[] } | null = null;
  if (patterns.length > 0) {
    const sources = await loadSchemaSources(patterns, context.cwd, name);
    const { ir, diagnostics } = compileSchema(sources, compileOptions(config));
    if (ir === null || hasErrors(diagnostics)) {
      writeDiagnostics(context.stderr, diagnostics, sources);
      context.stderr.write('wesley usage: nothing read because of errors in the schema\n');
      return exitCodes.failure;
    }
    schema = { ir, sources };
  }
  let url: string | null = null;
  try {
    return await withDatabase(name, { ...values, config }, context, json ? context.stderr : context.stdout, async (target) => {
      url = target.url;
      const session = await connect(target.url);
      try {
        const { snapshot } = await readUsageSnapshot(session);
        const history = await readStoredSnapshots(session, snapshot, windowMs);
        // Kept: what this window, the config's and twice the default need, so a longer --window next time still has its baseline.
        const keepMs = Math.max(windowMs, config?.usageWindowMs ?? 0, 2 * defaultUsageWindowMs);
        const stored = await storeUsageSnapshot(session, snapshot, keepMs).then(
          () => true,
          (error: unknown) => {
            // A read-only standby (25006), or a role that may not create the table (42501): the report stands without it.
            const code = (error as { code?: unknown }).code;
            if (code !== '25006' && code !== '42501') throw error;
            context.stderr.write(
              `wesley usage: note: the snapshot was not stored (${(error as Error).message}); windows are judged from earlier ones\n`,
            );
            return false;
          },
        );
        const usage = windowUsage(snapshot, history, windowMs);
        const columns = columnUsage(snapshot, usage);
        const unused = unusedObjects(snapshot, usage);
        const diagnostics = schema === null ? [] : usageDiagnostics(unused, schema.ir, schema.sources, dbSchema);
        if (json) {
          const located = unused.map((object, i) => {
            const at = diagnostics[i];
            return { ...object, location: at === undefined ? null : { file: at.file, line: at.line, column: at.column } };
          });
          const queries = usage.queries.map(({ query, calls }) => ({ ...query, calls, totalCalls: query.calls }));
          const window = { ms: windowMs, basis: usage.basis, statsReset: usage.statsReset, earlierSnapshots: usage.earlierSnapshots };
          const report = { database: target.label, takenAt: snapshot.takenAt, window, queries, columns, unused: located };
          context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return exitCodes.ok;
        }
        context.stdout.write(formatUsageTable(columns));
        if (schema !== null) writeDiagnostics(context.stdout, diagnostics, schema.sources);
        else {
          for (const object of unused) {
            context.stdout.write(
              `${describeUnused(object)}\n  confidence ${object.confidence.level}: ${object.confidence.evidence.join('; ')}\n`,
            );
          }
        }
        const unattributed = usage.queries.filter((entry) => entry.query.attribution.kind === 'unattributed').length;
        context.stdout.write(
          `wesley usage: ${usage.queries.length} queries (${usage.totalCalls} calls, ${unattributed} unattributed) in the last ${formatSpan(windowMs)}; ` +
            `${unused.length} ${unused.length === 1 ? 'finding' : 'findings'}; ${stored ? 'snapshot stored in wesley.usage_snapshots' : 'snapshot not stored'}\n`,
        );
        return exitCodes.ok;
      } finally {
        await session.close();
      }
    });
  } catch (error) {
    return writeFailure(context, name, describeFailure(error, url), { json });
  }
};
