import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { databaseOptions } from '../database-options.js';
import { helpOption } from '../help-option.js';

/** The flags of `wesley status`. */
export const statusOptions = {
  dir: { type: 'string', short: 'd', value: '<dir>', description: 'the migrations directory (default migrations)' },
  ...configOption('a wesley.config.json, .mjs or .ts: its migrations directory\nand database (see --database)'),
  ...databaseOptions,
  json: { type: 'boolean', description: 'print the report as JSON' },
  ...helpOption,
} as const satisfies CommandOptions;
