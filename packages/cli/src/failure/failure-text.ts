import type { CliFailure } from './cli-failure.js';

/**
 * The failure as people read it on standard error: `wesley <command>: <message>` (each line of
 * a message of several lines), then `help:` and `note:` lines. A command-line mistake ends with
 * the pointer to `--help` instead of a help line; an internal error's stack trace is
 * printed only with `debug` (`WESLEY_DEBUG=1`).
 */
export function failureText(command: string | null, failure: CliFailure, debug: boolean): string {
  const prefix = command === null ? 'wesley' : `wesley ${command}`;
  const lines = failure.message.split('\n').map((line) => `${prefix}: ${line}`);
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
