import type { CliContext } from '@wesley/cli';

/**
 * Runs `wesley <argv...>` in this process, as the `wesley` command would (same output, same
 * JSON events, same exit codes, passwords redacted the same way), and returns the exit code.
 */
export async function runWesley(argv: readonly string[], context: CliContext): Promise<number> {
  // Imported when a task runs: Nx loads an executor with require(), which cannot load an ES
  // module graph with a top-level await, and @wesley/core has one (it loads PostgreSQL's parser).
  const { runCli } = await import('@wesley/cli');
  // The version only answers `--version`, which executors never pass.
  return runCli(argv, context, '');
}
