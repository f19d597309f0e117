import { defineCommand } from '../define-command.js';
import { resolveOptions } from './resolve-options.js';

/** `wesley migrate resolve <name> --applied | --rolled-back`: record a state fixed by hand. */
export const resolveCommand = defineCommand({
  name: 'migrate resolve',
  summary: 'record that a migration was finished or undone by hand',
  usage: ['wesley migrate resolve <name> --applied | --rolled-back [--dir <dir>] [--database-url <url>] [options]'],
  positionals: [{ name: 'name', description: 'the migration' }],
  description: `Records in the ledger the state of a migration put right by hand, as Prisma's
'migrate resolve' does: --applied (every step recorded applied; 'wesley migrate' goes on
with the next migration) or --rolled-back (its file may be replaced by a plan made again,
which 'wesley migrate' then applies from the start).
Refused when the database contradicts it: the live schema is compared with the schema the
migration leads to (--applied: the ir.json beside its plan.json) or starts from
(--rolled-back: the ir.json of the migration before it, or the empty schema for the
first), and every difference is named. A SQL migration records no schema: its state is
recorded unchecked, with a warning, as is a plan without those ir.json files.`,
  options: resolveOptions,
  column: 31,
  footer: `Exit codes: 0 recorded, 1 refused (the database contradicts it, unknown migration),
2 wrong command line, 3 another migrator held the lock for --lock-wait.`,
  load: async () => (await import('./run-resolve.js')).runResolve,
});
