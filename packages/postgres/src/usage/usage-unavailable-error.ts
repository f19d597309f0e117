/**
 * WES360: the database's statistics cannot show which queries run: `pg_stat_statements` is not
 * installed in it, or not loaded by the server. `wesley usage` cannot read usage, and a migration
 * gated on usage cannot judge its drops (unless run with `--ignore-usage`).
 */
export class UsageUnavailableError extends Error {
  readonly code = 'WES360';
  readonly help =
    "add pg_stat_statements to the server's shared_preload_libraries (a restart), then run CREATE EXTENSION pg_stat_statements in the database";

  constructor(reason: string) {
    super(`pg_stat_statements is not available: ${reason}`);
    this.name = 'UsageUnavailableError';
  }
}
