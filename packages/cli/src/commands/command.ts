import type { CliContext } from '../cli-context.js';
import type { CommandOptions } from './command-option.js';

/** One `wesley <name>` sub-command. */
export interface Command {
  readonly name: string;
  /** One line for the top-level `wesley --help`. */
  readonly summary: string;
  /** The full text of `wesley <name> --help`. */
  readonly help: string;
  /** Its flags: what it parses and `--help` lists, and what the Nx executors' schemas are checked against. */
  readonly options: CommandOptions;
  /**
   * Runs with the arguments after the command name and returns the exit code.
   * @throws UsageError when the arguments are wrong.
   */
  run(args: readonly string[], context: CliContext): Promise<number>;
}
