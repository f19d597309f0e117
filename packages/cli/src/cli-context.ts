/** Where a command writes; `color` says whether ANSI styles may be used on that stream. */
export interface OutputStream {
  write(text: string): void;
  readonly color: boolean;
}

/**
 * Everything a command touches outside its arguments, passed in rather than read from `process`
 * so that commands run in-process in tests.
 */
export interface CliContext {
  /** Directory that relative paths (flags, globs) are resolved against. */
  readonly cwd: string;
  /** Results: what was generated, what is stale. */
  readonly stdout: OutputStream;
  /** Diagnostics and failures. */
  readonly stderr: OutputStream;
  /**
   * Standard output when it is a terminal: where `wesley migrate` draws its progress spinner.
   * Absent, progress is written as plain lines to `stdout`.
   */
  readonly terminal?: NodeJS.WriteStream | undefined;
  /** The environment (`DATABASE_URL`); `process.env` when absent. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Colors only on a terminal, and never when `NO_COLOR` is set to a non-empty value
 * (https://no-color.org).
 */
export function colorEnabled(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env['NO_COLOR'];
  return isTTY === true && (noColor === undefined || noColor === '');
}
