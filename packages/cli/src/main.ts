import { readFileSync } from 'node:fs';
import { colorEnabled, type CliContext } from './cli-context.js';
import { runCli } from './run-cli.js';

// The process entry point (bin/wesley.js imports this module): the one place that reads `process`.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const context: CliContext = {
  cwd: process.cwd(),
  stdout: { write: (text) => process.stdout.write(text), color: colorEnabled(process.stdout.isTTY, process.env) },
  stderr: { write: (text) => process.stderr.write(text), color: colorEnabled(process.stderr.isTTY, process.env) },
  terminal: process.stdout.isTTY ? process.stdout : undefined,
  env: process.env,
};

process.exitCode = await runCli(process.argv.slice(2), context, version);
