import type { CliContext } from '../cli-context.js';
import type { CliFailure } from './cli-failure.js';
import { failureJson } from './failure-json.js';
import { debugEnabled, failureText } from './failure-text.js';

/**
 * Writes `failure` to standard error (see `failureText`) and returns its exit code. With `json`,
 * the command's `--json` document on standard output says so too (`ok: false`, the exit code and
 * the error), so a script reading only stdout sees the failure with its code.
 */
export function writeFailure(
  context: CliContext,
  command: string | null,
  failure: CliFailure,
  options: { readonly json?: boolean } = {},
): number {
  if (options.json === true)
    context.stdout.write(`${JSON.stringify({ ok: false, exitCode: failure.exitCode, error: failureJson(failure) }, null, 2)}\n`);
  context.stderr.write(failureText(command, failure, debugEnabled(context.env ?? process.env)));
  return failure.exitCode;
}
