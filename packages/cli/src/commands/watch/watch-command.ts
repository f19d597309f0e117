import { defineCommand } from '../define-command.js';
import { watchOptions } from './watch-options.js';

/** `wesley watch`: `wesley generate` again on every schema change. */
export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'generate, then regenerate on every change to the schema files',
  usage: [
    'wesley watch --schema <file|glob>... --out-dir <dir> [--dts] [--debounce <ms>] [--strict]',
    'wesley watch --config <file> [--debounce <ms>] [--strict]',
  ],
  description: `Writes what 'wesley generate' writes (schema.sql, types.ts, zod.ts, ir.json), then again
whenever a schema file is saved, or a file starts or stops matching a glob. A burst of saves
gives one regeneration; only files whose content changed are rewritten. When a save makes
the schema invalid, its diagnostics are printed and the output is left as it was.`,
  options: watchOptions,
  column: 28,
  footer: 'Stops on Ctrl-C (SIGINT) or SIGTERM.\nExit codes: 0 stopped, 2 wrong command line.',
  load: async () => (await import('./run-watch.js')).runWatch,
});
