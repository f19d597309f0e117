import type { CliContext, OutputStream } from '@wesley/cli';
import { loadCli } from './load-cli.js';

/**
 * The context the `wesley` commands run in inside an Nx task: paths relative to the project
 * root, the process's streams and environment (with Nx's `.env` files loaded), and never the
 * spinner — a task's output is a log, captured and replayed by Nx, so progress is plain lines.
 */
export async function taskCliContext(projectRoot: string, streams?: { stdout: OutputStream; stderr: OutputStream }): Promise<CliContext> {
  const { colorEnabled } = await loadCli();
  return {
    cwd: projectRoot,
    stdout: streams?.stdout ?? { write: (text) => void process.stdout.write(text), color: colorEnabled(process.stdout.isTTY, process.env) },
    stderr: streams?.stderr ?? { write: (text) => void process.stderr.write(text), color: colorEnabled(process.stderr.isTTY, process.env) },
    terminal: undefined,
    env: process.env,
  };
}
