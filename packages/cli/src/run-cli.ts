import type { CliContext } from './cli-context.js';
import { commands } from './commands/index.js';
import { exitCodes } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import { isVersionFlag } from './version-flag.js';

/**
 * Runs `wesley <argv...>` and returns the exit code; it never throws. Everything the command
 * writes passes through `redactingStream`, so no connection string's password is printed. Any
 * error a command throws is reported here, once, as commands report theirs (`describeFailure`):
 * a usage error as one line plus a pointer to `--help` (exit 2), a `--config` file that cannot be
 * used or a database that went away as a message plus help (exit 1), and an error nobody
 * expected as an internal error asking to report it (exit 1; `WESLEY_DEBUG=1` adds its stack).
 *
 * This module and the command list load nothing heavy: `--version` and `--help` are answered
 * from them; redaction (`@wesley/postgres/redact`, without `pg`) and the command's implementation
 * are imported once argv says a command runs, and the failure reporting (which reaches
 * `@wesley/postgres`'s error classes, so `pg`) only when a command fails: `generate` never loads `pg`.
 */
export async function runCli(argv: readonly string[], given: CliContext, version: string): Promise<number> {
  const [first, ...rest] = argv;
  // Fixed texts, no secret in them: written as they are.
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    given.stdout.write(topLevelHelp());
    return first === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (isVersionFlag(first)) {
    given.stdout.write(`${version}\n`);
    return exitCodes.ok;
  }
  const { redactingStream } = await import('./output/redacting-stream.js');
  const context: CliContext = { ...given, stdout: redactingStream(given.stdout), stderr: redactingStream(given.stderr) };
  const command = commands.find((candidate) => candidate.name === first);
  try {
    if (command !== undefined) return await command.run(rest, context);
    throw new UsageError(`unknown command '${first}'`);
  } catch (error) {
    const { describeFailure, writeFailure } = await import('./failure/index.js');
    const shownCommand = error instanceof UsageError ? error.command : (command?.name ?? null);
    return writeFailure(context, shownCommand, describeFailure(error, null));
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
