import type { CliFailure } from './cli-failure.js';

/** The failure as `--json` output holds it: `{ name, code, message, help, notes }`. */
export function failureJson(failure: CliFailure): {
  readonly name: string;
  readonly code: string | null;
  readonly message: string;
  readonly help: string | null;
  readonly notes: readonly string[];
} {
  const { error: name, code, message, help, notes } = failure;
  return { name, code, message, help, notes };
}
