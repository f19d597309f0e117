import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { databaseOptions } from '../database-options.js';
import { helpOption } from '../help-option.js';
import { schemaOption } from '../schema-option.js';

/** The flags of `wesley drift`. */
export const driftOptions = {
  ...schemaOption('schema file or glob; repeat for several (required without --config)'),
  ...configOption('a wesley.config.json, .mjs or .ts: its schema and database\n(see --database)'),
  ...databaseOptions,
  'db-schema': { type: 'string', value: '<name>', description: 'the database schema to compare (default public)' },
  ...helpOption,
} as const satisfies CommandOptions;
