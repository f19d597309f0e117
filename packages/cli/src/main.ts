import { readFileSync } from 'node:fs';
import type { CliContext } from './cli-context.js';
import { isVersionFlag } from './version-flag.js';

// The process entry point (bin/wesley.js imports this module): the one place that reads `process`.
const argv = process.argv.slice(2);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

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

// `wesley --version` is answered before any other module of the CLI is imported: it is what a
// user runs to check the install, and a module graph loaded only to print one line is Node's
// start-up time again.
if (isVersionFlag(argv[0])) {
  writer(process.stdout)(`${version}\n`);
} else {
  const [{ colorEnabled }, { exitCodes }, { runCli }] = await Promise.all([
    import('./cli-context.js'),
    import('./exit-codes.js'),
    import('./run-cli.js'),
  ]);
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
