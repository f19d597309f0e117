import { defineCommand } from '../define-command.js';
import { explainOptions } from './explain-options.js';

/** `wesley explain`: what each pending planned step will cost on a database, ranked. */
export const explainCommand = defineCommand({
  name: 'explain',
  summary: 'estimate what each pending step will cost on a database, and rank the steps',
  usage: ['wesley explain [--dir <dir>] [--database-url <url>] [--json]', 'wesley explain --config <file> [--database <name>] [--json]'],
  description: `Estimates, for each step of the pending planned migrations of a directory, the work it
does on the database as it is now, changing nothing in it:
  work        rewrite, scan, index build, backfill, or catalog (a catalog update, whose
              time is its lock wait)
  rows, size  what the step scans, rewrites, indexes or updates (partitions summed)
  WAL         what it writes to the write-ahead log
  predicted   its duration, from the server's throughput measured on a sample
              (at most 2 s, in a transaction rolled back; cached per server in
              $WESLEY_CACHE_DIR, else $XDG_CACHE_HOME/wesley, else ~/.cache/wesley)
Steps are ranked by predicted duration and the longest is named the bottleneck. Under
each step, the open transactions that would delay it now: for a concurrent index build
every transaction of the database holding an older snapshot, for a step whose lock
blocks writes the holders of a conflicting lock (pid, age, state, query; passwords
masked). SQL migrations are not estimated.`,
  options: explainOptions,
  column: 31,
  footer: 'Exit codes: 0 reported, 1 the database cannot be reached or read, 2 wrong command line.',
  load: async () => (await import('./run-explain.js')).runExplain,
});
