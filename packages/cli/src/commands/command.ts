import type { CliContext } from '../cli-context.js';

/** One `wesley <name>` sub-command. */
export interface Command {
  readonly name: string;
  /** One line for the top-level `wesley --help`. */
  readonly summary: string;
  /** The full text of `wesley <name> --help`. */
  readonly help: string;
  /**
   * Runs with the arguments after the command name and returns the exit code.
   * @throws UsageError when the arguments are wrong.
   */
  run(args: readonly string[], context: CliContext): Promise<number>;
}
