import { colorEnabled, type CliContext } from './cli-context.js';
import { exitCodes } from './exit-codes.js';
import { runCli } from './run-cli.js';

/**
 * The `wesley` process (the installed command, `bin/wesley.cjs`, calls it with the version from
 * package.json once argv is not `--version`): the one place that reads `process`. Runs `runCli`
 * on argv and sets the exit code.
 */
export async function main(version: string): Promise<void> {
  const argv = process.argv.slice(2);

  // A reader that goes away (`wesley migrate --json | head`) must not kill a migration half way
  // through: what is written to a closed pipe is dropped, and the command runs to its end.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  const writer = (stream: NodeJS.WriteStream) => (text: string) => {
    if (!stream.destroyed) stream.write(text);
  };

  const context: CliContext = {
    cwd: process.cwd(),
    stdout: { write: writer(process.stdout), color: colorEnabled(process.stdout.isTTY, process.env) },
    stderr: { write: writer(process.stderr), color: colorEnabled(process.stderr.isTTY, process.env) },
    terminal: process.stdout.isTTY ? process.stdout : undefined,
    env: process.env,
  };

  // runCli reports every error of the command it runs; what escapes it (an error thrown by a
  // callback outside the command's await chain) is reported the same way, as an internal error,
  // instead of Node's raw stack trace, and ends the process. The reporting modules are imported
  // then, not before argv is read.
  const fatal = (error: unknown) => {
    Promise.all([import('./failure/index.js'), import('./output/redacting-stream.js')])
      .then(([{ describeFailure, writeFailure }, { redactingStream }]) =>
        process.exit(writeFailure({ ...context, stderr: redactingStream(context.stderr) }, null, describeFailure(error, null))),
      )
      .catch(() => process.exit(exitCodes.failure));
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);

  process.exitCode = await runCli(argv, context, version);
}
