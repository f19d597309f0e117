import { defineCommand } from '../define-command.js';
import { driftOptions } from './drift-options.js';

/** `wesley drift`: does the live database still match the schema? */
export const driftCommand = defineCommand({
  name: 'drift',
  summary: 'compare a live database with the schema and report every difference',
  usage: [
    'wesley drift --schema <file|glob>... [--database-url <url>] [--db-schema <name>]',
    'wesley drift --config <file> [--database <name>] [--db-schema <name>]',
  ],
  description: `Reads the tables and enums of a live database from its catalog and compares them with the
compiled schema. Each difference is reported as a diagnostic pointing at the type or field
of the schema it is about:
  WES201  missing from the database (a migration not applied?)
  WES202  in the database but not in the schema (made by hand?)
  WES203  different in the database and in the schema
Wesley's own ledger (schema wesley) is never compared.`,
  options: driftOptions,
  column: 31,
  footer: `Exit codes: 0 no drift, 1 drift found (or schema errors, or the database cannot be read),
2 wrong command line.`,
  load: async () => (await import('./run-drift.js')).runDrift,
});
