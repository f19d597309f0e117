import type { CliContext } from '@wesley/cli';
import { loadCli } from './load-cli.js';

/**
 * Runs `wesley <argv...>` in this process, as the `wesley` command would (same output, same
 * JSON events, same exit codes, passwords redacted the same way), and returns the exit code.
 */
export async function runWesley(argv: readonly string[], context: CliContext): Promise<number> {
  const { runCli } = await loadCli();
  // The version only answers `--version`, which executors never pass.
  return runCli(argv, context, '');
}
