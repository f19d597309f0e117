/** Process exit codes of every `wesley` command. */
export const exitCodes = {
  /** Done; for `--check`, everything is up to date. */
  ok: 0,
  /** The schema has errors (or warnings under `--strict`), or `--check` found stale files. */
  failure: 1,
  /** The command line is wrong: unknown flag or command, missing flag, no schema file. */
  usage: 2,
} as const;
