import path from 'node:path';
import { compileSchema, hasErrors } from '@wesley/core';
import type { CliContext } from '../cli-context.js';
import { displayPath } from '../display-path.js';
import { exitCodes } from '../exit-codes.js';
import { compareArtifacts, renderArtifacts, writeArtifacts, type ArtifactStatus } from '../generate/index.js';
import { writeDiagnostics } from '../output/index.js';
import { loadSchemaSources } from '../schema/index.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { parseFlags } from './parse-flags.js';

const name = 'generate';

const flags = {
  schema: { type: 'string', short: 's', multiple: true },
  'out-dir': { type: 'string', short: 'o' },
  check: { type: 'boolean' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const help = `Usage: wesley generate --schema <file|glob>... --out-dir <dir> [--check] [--strict]

Compiles the GraphQL schema and writes, into the output directory:
  schema.sql   PostgreSQL DDL that creates the schema in an empty database
  types.ts     TypeScript types
  zod.ts       Zod validators
  ir.json      the intermediate representation (stable, diff-friendly JSON)
Files whose content would not change are left untouched.

Options:
  -s, --schema <file|glob>  schema file or glob; repeat for several (required)
  -o, --out-dir <dir>       output directory, created if needed (required)
      --check               write nothing; exit 1 and list the files that are stale or missing
      --strict              treat warnings as errors
  -h, --help                show this help

Exit codes: 0 done (or up to date), 1 schema errors or stale files, 2 wrong command line.
`;

/** `wesley generate`: SDL -> schema.sql, types.ts, zod.ts, ir.json. */
export const generateCommand: Command = {
  name,
  summary: 'compile the schema into SQL, TypeScript types, Zod validators and IR JSON',
  help,
  async run(args, context) {
    const values = parseFlags(name, args, flags);
    if (values.help === true) {
      context.stdout.write(help);
      return exitCodes.ok;
    }
    const patterns = values.schema ?? [];
    if (patterns.length === 0) throw new UsageError('missing --schema <file|glob>', name);
    const outDirFlag = values['out-dir'];
    if (outDirFlag === undefined || outDirFlag === '') throw new UsageError('missing --out-dir <dir>', name);

    const sources = await loadSchemaSources(patterns, context.cwd, name);
    const { ir, diagnostics } = compileSchema(sources);
    writeDiagnostics(context.stderr, diagnostics, sources);
    if (ir === null || hasErrors(diagnostics, values.strict === true)) {
      context.stderr.write(`wesley generate: nothing written because of ${values.strict === true ? 'errors or warnings (--strict)' : 'errors'}\n`);
      return exitCodes.failure;
    }

    const outDir = path.resolve(context.cwd, outDirFlag);
    const artifacts = renderArtifacts(ir);
    if (values.check === true) return reportCheck(await compareArtifacts(outDir, artifacts), context);
    return reportWrite(await writeArtifacts(outDir, artifacts), outDir, context);
  },
};

function reportCheck(statuses: readonly ArtifactStatus[], context: CliContext): number {
  const outdated = statuses.filter((status) => status.state !== 'fresh');
  if (outdated.length === 0) {
    context.stdout.write(`wesley generate --check: ${statuses.length} files up to date\n`);
    return exitCodes.ok;
  }
  const lines = outdated.map((status) => `  ${status.state.padEnd(8)} ${displayPath(context.cwd, status.path)}`);
  context.stderr.write(
    `wesley generate --check: ${outdated.length} of ${statuses.length} files out of date\n${lines.join('\n')}\n` +
      `Run the same command without --check to update them.\n`,
  );
  return exitCodes.failure;
}

function reportWrite(statuses: readonly ArtifactStatus[], outDir: string, context: CliContext): number {
  const written = statuses.filter((status) => status.state !== 'fresh');
  const lines = written.map((status) => `  wrote ${displayPath(context.cwd, status.path)}\n`);
  context.stdout.write(
    `${lines.join('')}wesley generate: ${written.length} written, ${statuses.length - written.length} unchanged in ${displayPath(context.cwd, outDir)}\n`,
  );
  return exitCodes.ok;
}
