import path from 'node:path';
import { exitCodes } from '../exit-codes.js';
import { maxDurationMs } from '../migrate/index.js';
import { loadSchemaSources } from '../schema/index.js';
import { UsageError } from '../usage-error.js';
import { processStopSignal, watchSchema } from '../watch/index.js';
import type { Command } from './command.js';
import { commandConfig, compileOptions } from './command-config.js';
import { parseCommandFlags } from './parse-flags.js';
import { requiredSchemaFlags, schemaOutputFlags } from './required-schema-flags.js';

const name = 'watch';

const flags = {
  ...schemaOutputFlags,
  debounce: { type: 'string' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const defaultDebounceMs = 50;

const help = `Usage: wesley watch --schema <file|glob>... --out-dir <dir> [--dts] [--debounce <ms>] [--strict]
       wesley watch --config <file> [--debounce <ms>] [--strict]

Writes what 'wesley generate' writes (schema.sql, types.ts, zod.ts, ir.json), then again
whenever a schema file is saved, or a file starts or stops matching a glob. A burst of saves
gives one regeneration; only files whose content changed are rewritten. When a save makes
the schema invalid, its diagnostics are printed and the output is left as it was.

Options:
  -s, --schema <file|glob>  schema file or glob; repeat for several (required without --config)
  -o, --out-dir <dir>       output directory, created if needed (required without --config)
  -c, --config <file>       a wesley.config.json, .mjs or .ts: its schema, outDir and dts
                            stand in for the flags not given
      --dts                 also keep <name>.d.graphql.ts beside the (single) schema file up
                            to date, as 'wesley generate --dts' writes it
      --debounce <ms>       quiet time after the last save before regenerating (default ${defaultDebounceMs})
      --strict              treat warnings as errors
  -h, --help                show this help

Stops on Ctrl-C (SIGINT) or SIGTERM.
Exit codes: 0 stopped, 2 wrong command line.
`;

/** `wesley watch`: `wesley generate` again on every schema change. */
export const watchCommand: Command = {
  name,
  summary: 'generate, then regenerate on every change to the schema files',
  help,
  async run(args, context) {
    const values = parseCommandFlags(name, help, args, flags, context.stdout);
    if (values === null) return exitCodes.ok;
    const config = await commandConfig(values.config, context.cwd);
    const { patterns, outDir: outDirFlag, dts } = requiredSchemaFlags(values, config, context.cwd, name);
    const debounceMs = parseDebounce(values.debounce);
    // A path that does not exist or a glob that matches nothing is a mistake on the command
    // line: refused before watching. Later, the same is reported and watching goes on.
    const sources = await loadSchemaSources(patterns, context.cwd, name);
    if (dts && sources.length !== 1) throw new UsageError(`--dts needs exactly one schema file, got ${sources.length}`, name);

    const outDir = path.resolve(context.cwd, outDirFlag);
    await watchSchema(
      { patterns, outDir, debounceMs, strict: values.strict === true, dts, compile: compileOptions(config) },
      context,
      processStopSignal(),
    );
    return exitCodes.ok;
  },
};

function parseDebounce(value: string | undefined): number {
  if (value === undefined) return defaultDebounceMs;
  if (!/^\d+$/.test(value)) throw new UsageError(`--debounce takes a whole number of milliseconds, not '${value}'`, name);
  // Node's timers fire at once for a longer delay: a debounce that large would regenerate on every save.
  if (Number(value) > maxDurationMs)
    throw new UsageError(`--debounce ${value} is over the longest a timer waits, ${maxDurationMs}ms`, name);
  return Number(value);
}
