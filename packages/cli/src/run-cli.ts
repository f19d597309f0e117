import type { CliContext } from './cli-context.js';
import { commands } from './commands/index.js';
import { ConfigError } from './config/index.js';
import { exitCodes } from './exit-codes.js';
import { UsageError } from './usage-error.js';

/**
 * Runs `wesley <argv...>` and returns the exit code. Usage errors are printed as one line plus a
 * pointer to `--help` (exit 2); a `--config` file that cannot be used, as one line per problem
 * plus help (exit 1); anything else that throws is a bug and propagates.
 */
export async function runCli(argv: readonly string[], context: CliContext, version: string): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      context.stdout.write(topLevelHelp());
      return first === undefined ? exitCodes.usage : exitCodes.ok;
    }
    if (first === '--version' || first === '-v') {
      context.stdout.write(`${version}\n`);
      return exitCodes.ok;
    }
    const command = commands.find((candidate) => candidate.name === first);
    if (command !== undefined) return await command.run(rest, context);
    throw new UsageError(`unknown command '${first}'`);
  } catch (error) {
    if (error instanceof ConfigError) {
      const prefix = `wesley ${first ?? ''}`;
      context.stderr.write(
        `${error.message
          .split('\n')
          .map((line) => `${prefix}: ${line}`)
          .join('\n')}\n  help: ${error.help}\n`,
      );
      return exitCodes.failure;
    }
    if (!(error instanceof UsageError)) throw error;
    const helpCommand = error.command === null ? 'wesley --help' : `wesley ${error.command} --help`;
    const prefix = error.command === null ? 'wesley' : `wesley ${error.command}`;
    context.stderr.write(`${prefix}: ${error.message}\nRun '${helpCommand}' for usage.\n`);
    return exitCodes.usage;
  }
}

function topLevelHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `Usage: wesley <command> [options]

GraphQL SDL with @wes_* directives -> PostgreSQL DDL, TypeScript types, Zod validators.

Commands:
${list}

Options:
  -h, --help     show this help (also: wesley <command> --help)
  -v, --version  print the version
`;
}
