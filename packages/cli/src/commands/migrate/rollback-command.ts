import { defineCommand } from '../define-command.js';
import { rollbackOptions } from './rollback-options.js';

/** `wesley migrate rollback <name>`: undo a planned migration with the rollbacks its plan records. */
export const rollbackCommand = defineCommand({
  name: 'migrate rollback',
  summary: 'undo a planned migration, applied or stopped part way',
  usage: ['wesley migrate rollback <name> [--dir <dir>] [--database-url <url>] [options]'],
  positionals: [{ name: 'name', description: 'the migration: its directory name in the migrations directory' }],
  description: `Undoes a planned migration (a 'wesley plan --out' directory) that was applied or
stopped part way: the rollback its plan.json records for each step the ledger shows
applied or started, last step first, each like any step (SET LOCAL lock_timeout, retried
with backoff; CONCURRENTLY ones on their own), under the migration lock. Each undo is
recorded in the ledger, so a rollback that stopped or was killed carries on when run
again. Then the migration is rolled back: its directory may be replaced by a plan made
again ('wesley plan'), which 'wesley migrate' applies from the start.
Refused before anything runs: a SQL migration (no recorded rollback), a step that cannot
be undone (named), a migration followed by one that has run, undo steps that lose data
without --allow-destructive.`,
  options: rollbackOptions,
  column: 31,
  footer: `Exit codes: 0 rolled back (or already), 1 refused or a step failed, 2 wrong command line,
3 another migrator held the lock for --lock-wait.`,
  load: async () => (await import('./run-rollback.js')).runRollback,
});
