import { defineCommand } from '../define-command.js';
import { preloadSqlParser } from '../preload-sql-parser.js';
import { generateOptions } from './generate-options.js';

/** `wesley generate`: SDL -> schema.sql, types.ts, zod.ts, ir.json. */
export const generateCommand = defineCommand({
  name: 'generate',
  summary: 'compile the schema into SQL, TypeScript types, Zod validators and IR JSON',
  usage: [
    'wesley generate --schema <file|glob>... --out-dir <dir> [--dts] [--check] [--strict]',
    'wesley generate --config <file> [--check] [--strict]',
  ],
  description: `Compiles the GraphQL schema and writes, into the output directory:
  schema.sql   PostgreSQL DDL that creates the schema in an empty database
  types.ts     TypeScript types
  zod.ts       Zod validators
  ir.json      the intermediate representation (stable, diff-friendly JSON)
Files whose content would not change are left untouched.`,
  options: generateOptions,
  column: 28,
  footer: 'Exit codes: 0 done (or up to date), 1 schema errors or stale files, 2 wrong command line.',
  load: async () => {
    preloadSqlParser();
    return (await import('./run-generate.js')).runGenerate;
  },
});
