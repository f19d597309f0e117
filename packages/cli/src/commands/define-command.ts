import type { CliContext } from '../cli-context.js';
import { exitCodes } from '../exit-codes.js';
import type { Command } from './command.js';
import type { CommandOptions } from './command-option.js';
import { formatCommandHelp, type CommandHelp } from './format-command-help.js';
import { parseFlags, type FlagValues } from './parse-flags.js';

/** A command's implementation: its parsed flags in, the exit code out. */
export type CommandRun<O extends CommandOptions> = (values: FlagValues<O>, context: CliContext) => Promise<number>;

/** Everything `wesley` knows of a command before it runs: what `--help` and argv dispatch read. */
export interface CommandDefinition<O extends CommandOptions> extends CommandHelp {
  readonly name: string;
  /** One line for the top-level `wesley --help`. */
  readonly summary: string;
  readonly options: O;
  /** Imports the implementation, when the command runs and not before. */
  readonly load: () => Promise<CommandRun<O>>;
}

/**
 * A {@link Command} from its definition: the flags parsed from `options`, `--help` printed from
 * them, and the implementation imported only once the flags are read, so that `wesley --version`,
 * `wesley --help` and `wesley <name> --help` load no compiler, bundler or database driver.
 */
export function defineCommand<const O extends CommandOptions>(definition: CommandDefinition<O>): Command {
  const help = formatCommandHelp(definition);
  return {
    name: definition.name,
    summary: definition.summary,
    help,
    options: definition.options,
    async run(args, context) {
      const values = parseFlags(definition.name, args, definition.options);
      if ((values as { help?: unknown }).help === true) {
        context.stdout.write(help);
        return exitCodes.ok;
      }
      const run = await definition.load();
      return run(values, context);
    },
  };
}
