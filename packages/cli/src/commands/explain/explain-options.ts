import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { databaseOptions } from '../database-options.js';
import { helpOption } from '../help-option.js';

/** The flags of `wesley explain`. */
export const explainOptions = {
  dir: { type: 'string', short: 'd', value: '<dir>', description: 'the migrations directory (default migrations)' },
  ...configOption('a wesley.config.json, .mjs or .ts: its migrations directory\nand database (see --database)'),
  ...databaseOptions,
  json: { type: 'boolean', description: 'print the estimates as JSON' },
  recalibrate: {
    type: 'boolean',
    description: "measure the server's throughput again instead of reading\nthe calibration cached for it",
  },
  ...helpOption,
} as const satisfies CommandOptions;
