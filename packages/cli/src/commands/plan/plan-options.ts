import { formatServerVersion } from '../../plan/format-server-version.js';
import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { helpOption } from '../help-option.js';

/** The planner's own default target without `--server-version` or a database: the newest PostgreSQL. */
export const defaultServerVersion = 180000;

/** The reason an approval of a blocking step records when `--blocking-reason` does not give one. */
export const defaultBlockingReason = 'allowed with --allow-blocking';

/** The flags of `wesley plan`. */
export const planOptions = {
  from: {
    type: 'string',
    short: 'f',
    multiple: true,
    value: '<file|url>',
    description: "the schema now (required without a config); 'empty' for none:\nthe first migration, which creates the whole schema",
  },
  to: {
    type: 'string',
    short: 't',
    multiple: true,
    value: '<file|glob>',
    description: 'the schema wanted: GraphQL files or globs, repeatable (required)',
  },
  out: {
    type: 'string',
    short: 'o',
    value: '<dir>',
    description: 'write the migration directory: plan.json, up.sql, down.sql\n(up.sql and down.sql run with psql -v ON_ERROR_STOP=1 -f)',
  },
  name: {
    type: 'string',
    short: 'n',
    value: '<name>',
    description:
      'write the migration into the next numbered directory of the\nmigrations directory: --name add_teams writes 0002_add_teams\nafter 0001_init (lower-case letters, digits and _)',
  },
  ...configOption(
    'a wesley.config.json, .mjs or .ts: --to defaults to its schema,\n' +
      '--from to its baseline, the ir.json of the last migration\n' +
      'directory that has one (else the empty schema); --out also\n' +
      'writes ir.json, so the new directory becomes the baseline',
  ),
  explain: {
    type: 'boolean',
    description:
      "print the lock table of the plan and each step's SQL; with a\ndatabase --from, each step's estimated cost there (wesley explain)",
  },
  json: { type: 'boolean', description: 'print the plan as JSON (the content of plan.json)' },
  'allow-destructive': {
    type: 'boolean',
    description: 'plan changes that lose data (dropped tables and columns,\nnarrowing type changes); refused by default (WES101)',
  },
  'allow-blocking': {
    type: 'boolean',
    description:
      'plan steps that block reads or writes while they rewrite or scan\na table, each approved in plan.json; refused by default (WES104)',
  },
  'blocking-reason': {
    type: 'string',
    value: '<text>',
    description: `why blocking is acceptable, recorded in each approval (with\n--allow-blocking; default "${defaultBlockingReason}")`,
  },
  'server-version': {
    type: 'string',
    value: '<v>',
    description: `PostgreSQL to plan for: 15, 15.4 or 150004 (default: the\ndatabase's when --from is one, else the config's serverVersion,\nelse ${formatServerVersion(defaultServerVersion)})`,
  },
  'batch-size': { type: 'string', value: '<rows>', description: 'rows per backfill batch (default 1000)' },
  schema: { type: 'string', value: '<name>', description: 'the database schema to read with a database --from (default public)' },
  ...helpOption,
} as const satisfies CommandOptions;
