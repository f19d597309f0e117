import { defineCommand } from '../define-command.js';
import { preloadSqlParser } from '../preload-sql-parser.js';
import { planOptions } from './plan-options.js';

/** `wesley plan`: the migration from one schema to another, as text, JSON or a directory. */
export const planCommand = defineCommand({
  name: 'plan',
  summary: 'plan a lock-aware migration from a schema or database to a new schema',
  usage: [
    'wesley plan --from <schema file|ir.json|database url|empty> --to <schema file> [options]',
    'wesley plan [--config <file>] [--name <name> | --out <dir>] [options]',
  ],
  description: `Plans the migration from one schema to another: lock-aware steps in four phases (expand,
backfill, validate, contract), each taking only locks that are brief or block nothing.
A step that would block reads or writes while it rewrites or scans a table is refused
unless --allow-blocking approves it in plan.json. Without --explain or --json it lists
the steps.

  --from is one of
    schema.graphql ...              GraphQL schema files or globs (repeat the flag for several)
    generated/ir.json               the ir.json written by 'wesley generate'
    postgres://user@host/db         a database: its current schema is read from the catalog
    empty                           no schema: the first migration, which creates it all

Without --config, the nearest wesley.config.* here or in a directory above is used.`,
  options: planOptions,
  column: 29,
  footer: `Exit codes: 0 planned (or nothing to do), 1 schema or plan errors, or an input that cannot be
read (database unreachable, broken ir.json), 2 wrong command line.`,
  load: async () => {
    preloadSqlParser();
    return (await import('./run-plan.js')).runPlan;
  },
});
