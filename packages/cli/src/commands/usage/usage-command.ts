import { defineCommand } from '../define-command.js';
import { usageOptions } from './usage-options.js';

/** `wesley usage`: which tables, columns and indexes queries use, and which they do not. */
export const usageCommand = defineCommand({
  name: 'usage',
  summary: 'read which columns and indexes queries use (pg_stat_statements) and report the unused',
  usage: [
    'wesley usage [--database-url <url>] [--schema <file|glob>...] [--window <7d>] [--json]',
    'wesley usage --config <file> [--database <name>] [--window <7d>] [--json]',
  ],
  description: `Reads pg_stat_statements (each normalized query, its calls, the last reset),
pg_stat_user_tables, pg_stat_user_indexes and pg_stats, attributes each query to the
tables and columns it reads and writes with PostgreSQL's own parser (aliases, CTEs,
subqueries, SELECT * and views resolved), stores the snapshot in wesley.usage_snapshots
and judges the window from it and the snapshots stored before:
  WES362  a column no query used in the window
  WES363  an index not scanned in the window (keys' indexes are never reported)
  WES364  a column holding only NULL (pg_stats.null_frac = 1 at the last ANALYZE)
Each with a confidence and its evidence; with a schema, at the field's file:line:col.
Needs pg_stat_statements in shared_preload_libraries and CREATE EXTENSION
pg_stat_statements in the database (WES360 otherwise).`,
  options: usageOptions,
  column: 31,
  footer: `Exit codes: 0 the report (findings are warnings), 1 the usage cannot be read (or schema
errors), 2 wrong command line.`,
  load: async () => (await import('./run-usage.js')).runUsage,
});
