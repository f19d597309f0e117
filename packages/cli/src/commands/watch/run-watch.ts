import path from 'node:path';
import { exitCodes } from '../../exit-codes.js';
import { loadSchemaSources } from '../../schema/index.js';
import { UsageError } from '../../usage-error.js';
import { processStopSignal, watchSchema } from '../../watch/index.js';
import { commandConfig, compileOptions } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import { requiredSchemaFlags } from '../required-schema-flags.js';
import { defaultDebounceMs, type watchOptions } from './watch-options.js';

const name = 'watch';

/** Runs `wesley watch` with its parsed flags. */
export const runWatch: CommandRun<typeof watchOptions> = async (values, context) => {
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
};

/**
 * The longest delay Node's timers keep (2^31 - 1 ms): they fire at once for a longer one, so a
 * debounce that large would regenerate on every save.
 */
const maxTimerDelayMs = 2 ** 31 - 1;

function parseDebounce(value: string | undefined): number {
  if (value === undefined) return defaultDebounceMs;
  if (!/^\d+$/.test(value)) throw new UsageError(`--debounce takes a whole number of milliseconds, not '${value}'`, name);
  if (Number(value) > maxTimerDelayMs)
    throw new UsageError(`--debounce ${value} is over the longest a timer waits, ${maxTimerDelayMs}ms`, name);
  return Number(value);
}
