import type { CliContext } from '../../src/cli-context.js';
import { runCli } from '../../src/run-cli.js';

/** What one in-process run of the CLI wrote, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `wesley <argv>` in this process (no build, no child process), in `cwd`, with the
 * environment `env` (`process.env` when absent), and collects what it writes, without colour.
 */
export async function runInProcess(cwd: string, argv: readonly string[], env?: Readonly<Record<string, string>>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    cwd,
    stdout: { write: (text) => void (stdout += text), color: false },
    stderr: { write: (text) => void (stderr += text), color: false },
    env,
  };
  const code = await runCli([...argv], context, '9.9.9');
  return { code, stdout, stderr };
}
