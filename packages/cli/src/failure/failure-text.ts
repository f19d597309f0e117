import type { CliFailure } from './cli-failure.js';

/**
 * The failure as people read it on standard error: `wesley <command>: <code> <message>` (each
 * line of a message of several lines, the code on the first), then `help:` and `note:` lines.
 * The code is the one `--json` reports and docs/diagnostics.md has a section for, first as in a
 * compiler diagnostic (`WES003 unknown directive ...`), so the text alone says what to look up;
 * a message that already names it (Node's `ENOENT: no such file ...`) is left as it is. A
 * command-line mistake has no code and ends with the pointer to `--help` instead of a help
 * line; an internal error's stack trace is printed only with `debug` (`WESLEY_DEBUG=1`).
 */
export function failureText(command: string | null, failure: CliFailure, debug: boolean): string {
  const prefix = command === null ? 'wesley' : `wesley ${command}`;
  const [first = '', ...rest] = failure.message.split('\n');
  const coded = failure.code === null || first.includes(failure.code) ? first : `${failure.code} ${first}`;
  const lines = [coded, ...rest].map((line) => `${prefix}: ${line}`);
  // A command-line mistake (no code) ends with the pointer to --help, on a line of its own.
  if (failure.help !== null) lines.push(failure.kind === 'usage' && failure.code === null ? failure.help : `  help: ${failure.help}`);
  for (const note of failure.notes) lines.push(`  note: ${note}`);
  if (debug && failure.stack !== null) lines.push(failure.stack);
  return `${lines.join('\n')}\n`;
}

/** Whether `WESLEY_DEBUG` asks for stack traces of internal errors. */
export function debugEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env['WESLEY_DEBUG'];
  return value !== undefined && value !== '' && value !== '0';
}
