import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { databaseOptions } from '../database-options.js';
import { helpOption } from '../help-option.js';
import { schemaOption } from '../schema-option.js';

/** The flags of `wesley usage`. */
export const usageOptions = {
  ...schemaOption('schema file or glob whose fields the findings point at\n(file:line:col); repeat for several'),
  ...configOption('a wesley.config.json, .mjs or .ts: its schema, database\n(see --database) and usageWindow'),
  ...databaseOptions,
  'db-schema': { type: 'string', value: '<name>', description: 'the database schema the GraphQL schema maps to (default public)' },
  window: {
    type: 'string',
    value: '<7d>',
    description: "the window judged: minutes, hours, days or weeks (30min, 12h,\n7d, 2w; default the config's usageWindow, else 7d)",
  },
  json: { type: 'boolean', description: 'print the usage and the findings as JSON' },
  ...helpOption,
} as const satisfies CommandOptions;
