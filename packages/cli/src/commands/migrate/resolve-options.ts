import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { databaseOptions } from '../database-options.js';
import { helpOption } from '../help-option.js';
import { migrateOptions } from './migrate-options.js';

/** The flags of `wesley migrate resolve <name> --applied | --rolled-back`. */
export const resolveOptions = {
  applied: { type: 'boolean', description: 'record the migration as applied: the database is the schema\nit leads to' },
  'rolled-back': {
    type: 'boolean',
    description: 'record the migration as rolled back: the database is the\nschema it starts from; its file may then be replaced',
  },
  dir: migrateOptions.dir,
  ...configOption('a wesley.config.json, .mjs or .ts: its migrations directory,\ndatabase (see --database) and lock name'),
  ...databaseOptions,
  'lock-wait': migrateOptions['lock-wait'],
  ...helpOption,
} as const satisfies CommandOptions;
