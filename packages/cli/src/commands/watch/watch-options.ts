import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { helpOption } from '../help-option.js';
import { schemaOption } from '../schema-option.js';

/** How long `watch` waits after the last save before regenerating, without `--debounce`. */
export const defaultDebounceMs = 50;

/** The flags of `wesley watch`. */
export const watchOptions = {
  ...schemaOption('schema file or glob; repeat for several (required without --config)'),
  'out-dir': { type: 'string', short: 'o', value: '<dir>', description: 'output directory, created if needed (required without --config)' },
  ...configOption('a wesley.config.json, .mjs or .ts: its schema, outDir and dts\nstand in for the flags not given'),
  dts: {
    type: 'boolean',
    description: "also keep <name>.d.graphql.ts beside the (single) schema file up\nto date, as 'wesley generate --dts' writes it",
  },
  debounce: {
    type: 'string',
    value: '<ms>',
    description: `quiet time after the last save before regenerating (default ${defaultDebounceMs})`,
  },
  strict: { type: 'boolean', description: 'treat warnings as errors' },
  ...helpOption,
} as const satisfies CommandOptions;
