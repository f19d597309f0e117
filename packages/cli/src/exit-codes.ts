/** Process exit codes of every `wesley` command. */
export const exitCodes = {
  /** Done; for `--check`, everything is up to date; for `drift`, no drift. */
  ok: 0,
  /**
   * The schema has errors (or warnings under `--strict`), `--check` found stale files, the
   * planner refused a change, `drift` found differences, a migration failed or was refused
   * (a failed step, an applied migration edited, a broken plan.json, a destructive plan without
   * `--allow-destructive`), or an input exists but cannot be used (unreachable database, broken
   * `ir.json`).
   */
  failure: 1,
  /** The command line is wrong: unknown flag or command, missing flag, no schema file. */
  usage: 2,
  /** `migrate` waited `--lock-wait` for another migrator to release the migration lock and gave up. */
  locked: 3,
  /**
   * `migrate` stopped before a `backfill`, `validate` or `contract` step outside the config's
   * windows (or a `--wait` was interrupted): what it could apply is applied, and the next run goes on.
   */
  outsideWindow: 4,
} as const;
