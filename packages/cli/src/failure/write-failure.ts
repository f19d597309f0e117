import type { CliContext } from '../cli-context.js';
import type { CliFailure } from './cli-failure.js';
import { debugEnabled, failureText } from './failure-text.js';

/** Writes `failure` to standard error (see `failureText`) and returns its exit code. */
export function writeFailure(context: CliContext, command: string | null, failure: CliFailure): number {
  context.stderr.write(failureText(command, failure, debugEnabled(context.env ?? process.env)));
  return failure.exitCode;
}
