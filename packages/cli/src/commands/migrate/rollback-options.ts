import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { databaseOptions } from '../database-options.js';
import { helpOption } from '../help-option.js';
import { migrateOptions } from './migrate-options.js';

/** The flags of `wesley migrate rollback <name>`: those of `migrate` that a rollback's steps use. */
export const rollbackOptions = {
  dir: migrateOptions.dir,
  ...configOption('a wesley.config.json, .mjs or .ts: its migrations directory,\ndatabase (see --database) and lock name'),
  ...databaseOptions,
  'allow-destructive': {
    type: 'boolean',
    description: 'run undo steps that lose data (dropping a column the\nmigration added, with what was written to it since)',
  },
  'ignore-usage': migrateOptions['ignore-usage'],
  'lock-timeout': migrateOptions['lock-timeout'],
  'statement-timeout': migrateOptions['statement-timeout'],
  'lock-wait': migrateOptions['lock-wait'],
  'holder-wait': migrateOptions['holder-wait'],
  ...helpOption,
} as const satisfies CommandOptions;
