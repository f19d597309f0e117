import type { CliContext } from '../cli-context.js';
import { exitCodes } from '../exit-codes.js';
import type { Command } from './command.js';
import type { CommandOptions } from './command-option.js';
import { formatCommandHelp, type CommandHelp } from './format-command-help.js';
import { parseFlags, type CommandPositionals, type FlagValues } from './parse-flags.js';

/** A command's implementation: its parsed flags (and positional arguments, as declared) in, the exit code out. */
export type CommandRun<O extends CommandOptions> = (
  values: FlagValues<O>,
  context: CliContext,
  positionals: readonly string[],
) => Promise<number>;

/** Everything `wesley` knows of a command before it runs: what `--help` and argv dispatch read. */
export interface CommandDefinition<O extends CommandOptions> extends CommandHelp {
  readonly name: string;
  /** One line for the top-level `wesley --help`. */
  readonly summary: string;
  readonly options: O;
  /** Its positional arguments, each required (none when absent). */
  readonly positionals?: CommandPositionals;
  /**
   * Commands under this one (`wesley migrate rollback`): an argument naming one of them (the last
   * word of its name) hands it the rest of the arguments.
   */
  readonly subcommands?: readonly Command[];
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
      const sub = definition.subcommands?.find((command) => command.name.split(' ').at(-1) === args[0]);
      if (sub !== undefined) return sub.run(args.slice(1), context);
      const { values, positionals } = parseFlags(definition.name, args, definition.options, definition.positionals);
      if ((values as { help?: unknown }).help === true) {
        context.stdout.write(help);
        return exitCodes.ok;
      }
      const run = await definition.load();
      return run(values, context, positionals);
    },
  };
}
