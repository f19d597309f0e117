import type { CliContext } from '../cli-context.js';
import { failureJson, writeFailure } from '../failure/index.js';
import { doneExitCode } from './migrate-outcome.js';
import type { MigrateReporter } from './migrate-reporter.js';

/**
 * `--json`: every `MigrateEvent` as one line of JSON on standard output, then a summary line
 * `{"kind":"summary","ok":...,"exitCode":...}` with what was applied or why it failed. Standard
 * output holds nothing else; the failure is also written to standard error for people.
 */
export function jsonReporter(context: CliContext): MigrateReporter {
  const line = (value: unknown) => context.stdout.write(`${JSON.stringify(value)}\n`);
  return {
    event: line,
    finish(outcome) {
      if (outcome.kind === 'done') {
        const { applied, stoppedIn, gateStop, durationMs } = outcome;
        line({ kind: 'summary', ok: true, exitCode: doneExitCode(outcome), applied, stoppedIn, gateStop, durationMs });
        return;
      }
      const { exitCode } = outcome.failure;
      line({ kind: 'summary', ok: false, exitCode, durationMs: outcome.durationMs, error: failureJson(outcome.failure) });
      writeFailure(context, 'migrate', outcome.failure);
    },
  };
}
