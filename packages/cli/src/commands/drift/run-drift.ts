import { compileSchema, hasErrors, loadSqlParser } from '@wesley/core';
import { driftFindings } from '@wesley/postgres';
import { withDatabase } from '../../database/index.js';
import { driftDiagnostics } from '../../drift/index.js';
import { exitCodes } from '../../exit-codes.js';
import { describeFailure, writeFailure } from '../../failure/index.js';
import { writeDiagnostics } from '../../output/index.js';
import { readDatabaseSchema } from '../../plan/read-database-schema.js';
import { loadSchemaSources } from '../../schema/index.js';
import { UsageError } from '../../usage-error.js';
import { commandConfig, compileOptions, configSchemaPatterns } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import type { driftOptions } from './drift-options.js';

const name = 'drift';

/** Runs `wesley drift` with its parsed flags. */
export const runDrift: CommandRun<typeof driftOptions> = async (values, context) => {
  const config = await commandConfig(values.config, context.cwd);
  const patterns = values.schema ?? configSchemaPatterns(config, context.cwd) ?? [];
  if (patterns.length === 0) throw new UsageError('missing --schema <file|glob> (or --config <file>)', name);
  const sources = await loadSchemaSources(patterns, context.cwd, name);
  await loadSqlParser();
  const { ir: expected, diagnostics } = compileSchema(sources, compileOptions(config));
  if (expected === null || hasErrors(diagnostics)) {
    writeDiagnostics(context.stderr, diagnostics, sources);
    context.stderr.write('wesley drift: nothing compared because of errors in the schema\n');
    return exitCodes.failure;
  }
  const dbSchema = values['db-schema'] ?? 'public';
  const label = sources.map((source) => source.name).join(', ');
  let url: string | null = null;
  try {
    return await withDatabase(name, { ...values, config }, context, context.stdout, async (target) => {
      url = target.url;
      const live = await readDatabaseSchema(target.url, dbSchema, expected);
      if (live.ir === null) throw new Error('a database schema always reads into an IR');
      for (const notice of live.notices) context.stderr.write(`wesley drift: note: ${notice}\n`);
      const findings = driftFindings(live.ir, expected);
      if (findings.length === 0) {
        context.stdout.write(`wesley drift: no drift, schema ${dbSchema} of the database matches ${label}\n`);
        return exitCodes.ok;
      }
      writeDiagnostics(context.stderr, driftDiagnostics(findings, live.ir, expected, sources), sources);
      context.stderr.write(`wesley drift: schema ${dbSchema} of the database differs from ${label}\n`);
      return exitCodes.failure;
    });
  } catch (error) {
    return writeFailure(context, name, describeFailure(error, url));
  }
};
