import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { databaseOptions } from '../database-options.js';
import { helpOption } from '../help-option.js';

/** The flags of `wesley migrate`. */
export const migrateOptions = {
  dir: { type: 'string', short: 'd', value: '<dir>', description: 'the migrations directory (default migrations)' },
  ...configOption('a wesley.config.json, .mjs or .ts: its migrations directory,\ndatabase (see --database) and lock name'),
  ...databaseOptions,
  'dry-run': {
    type: 'boolean',
    description: 'print the SQL that would run now, with its transactions and\nSET statements; change nothing',
  },
  to: {
    type: 'string',
    value: '<phase|step id>',
    description: 'stop after this phase (expand, backfill, validate, contract) or\nstep of the first planned migration that has it',
  },
  'allow-destructive': {
    type: 'boolean',
    description: 'run planned steps that lose data (drops, narrowing types),\njudged from the SQL each step runs',
  },
  'allow-blocking': {
    type: 'boolean',
    description: 'run planned steps that block reads or writes although their\nplan.json does not approve them (WES175)',
  },
  'ignore-usage': {
    type: 'boolean',
    description:
      "run steps that drop or rename what queries still used within\nthe config's usageWindow, else 7d (WES361), or with no\npg_stat_statements (WES360)",
  },
  wait: {
    type: 'boolean',
    description:
      "outside the config's windows, sleep until the next one opens\n(Ctrl-C stops cleanly) instead of stopping with exit code 4",
  },
  'ignore-windows': {
    type: 'boolean',
    description: "run backfill, validate and contract steps outside the config's\nwindows (the run says so)",
  },
  'allow-missing': {
    type: 'boolean',
    description: 'go on when migrations the database has applied are no\nlonger in the directory',
  },
  'allow-out-of-order': { type: 'boolean', description: 'run pending migrations that sort before one already applied' },
  'lock-timeout': { type: 'string', value: '<ms|1s>', description: 'lock_timeout of each transaction (default 1s)' },
  'statement-timeout': { type: 'string', value: '<ms|1s>', description: 'statement_timeout of each transaction (default 0: none)' },
  'lock-wait': { type: 'string', value: '<s>', description: 'how long to wait for another migrator (default 60)' },
  'holder-wait': {
    type: 'string',
    value: '<ms|30s>',
    description:
      'how long a step waits, before asking for a lock that blocks\nwrites, for sessions holding its tables (default 30s; 0: none)',
  },
  'batch-target': {
    type: 'string',
    value: '<ms|100ms>',
    description:
      'how long each backfill batch aims to hold its row locks; batches\ngrow and shrink towards it (default 100ms; config batchTargetMs)',
  },
  'batch-min-rows': { type: 'string', value: '<rows>', description: 'the smallest backfill batch (default 100; config batchMinRows)' },
  'batch-max-rows': {
    type: 'string',
    value: '<rows>',
    description: 'the largest backfill batch (default 100000; config batchMaxRows)',
  },
  explain: {
    type: 'boolean',
    description:
      'first estimate each pending planned step on this server (as\nwesley explain does): the table, then the predicted time\nbeside each step as it runs (an estimates event with --json)',
  },
  json: { type: 'boolean', description: 'print each event as one line of JSON, then a summary line' },
  ...helpOption,
} as const satisfies CommandOptions;
