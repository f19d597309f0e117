/** Process exit codes of every `wesley` command. */
export const exitCodes = {
  /** Done; for `--check`, everything is up to date. */
  ok: 0,
  /**
   * The schema has errors (or warnings under `--strict`), `--check` found stale files, the
   * planner refused a change, or an input exists but cannot be used (unreachable database,
   * broken `ir.json`).
   */
  failure: 1,
  /** The command line is wrong: unknown flag or command, missing flag, no schema file. */
  usage: 2,
} as const;
