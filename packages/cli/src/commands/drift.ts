import { compileSchema, hasErrors, loadSqlParser } from '@wesley/core';
import { driftFindings } from '@wesley/postgres';
import { databaseFlags, databaseFlagsHelp, withDatabase } from '../database/index.js';
import { driftDiagnostics } from '../drift/index.js';
import { exitCodes } from '../exit-codes.js';
import { describeFailure, writeFailure } from '../failure/index.js';
import { writeDiagnostics } from '../output/index.js';
import { readDatabaseSchema } from '../plan/index.js';
import { loadSchemaSources } from '../schema/index.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { commandConfig, compileOptions, configFlag, configSchemaPatterns } from './command-config.js';
import { parseCommandFlags } from './parse-flags.js';

const name = 'drift';

const flags = {
  schema: { type: 'string', short: 's', multiple: true },
  ...configFlag,
  ...databaseFlags,
  'db-schema': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const help = `Usage: wesley drift --schema <file|glob>... [--database-url <url>] [--db-schema <name>]
       wesley drift --config <file> [--database <name>] [--db-schema <name>]

Reads the tables and enums of a live database from its catalog and compares them with the
compiled schema. Each difference is reported as a diagnostic pointing at the type or field
of the schema it is about:
  WES201  missing from the database (a migration not applied?)
  WES202  in the database but not in the schema (made by hand?)
  WES203  different in the database and in the schema
Wesley's own ledger (schema wesley) is never compared.

Options:
  -s, --schema <file|glob>     schema file or glob; repeat for several (required without --config)
  -c, --config <file>          a wesley.config.json, .mjs or .ts: its schema and database
                               (see --database)
${databaseFlagsHelp}
      --db-schema <name>       the database schema to compare (default public)
  -h, --help                   show this help

Exit codes: 0 no drift, 1 drift found (or schema errors, or the database cannot be read),
2 wrong command line.
`;

/** `wesley drift`: does the live database still match the schema? */
export const driftCommand: Command = {
  name,
  summary: 'compare a live database with the schema and report every difference',
  help,
  async run(args, context) {
    const values = parseCommandFlags(name, help, args, flags, context.stdout);
    if (values === null) return exitCodes.ok;
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
  },
};
