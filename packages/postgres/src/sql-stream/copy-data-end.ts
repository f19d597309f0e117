/** Where a scan of `COPY ... FROM STDIN` data stopped. */
export interface CopyDataScan {
  /** Data ends before this index (the `\.` line included when `done`). */
  readonly end: number;
  /** The `\.` line (or the end of the input) was reached. */
  readonly done: boolean;
  /** `end` is at the start of a line. */
  readonly atLineStart: boolean;
}

const BACKSLASH = 0x5c;
const DOT = 0x2e;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Scans COPY data in `text` from `from` the way psql 15's handleCopyIn reads it: line by line, up
 * to and including a line that is exactly `\.` (ended by `\n` or `\r\n`), or to the end of the
 * input. Without `final`, a line start that may still become `\.` stops the scan before it, so the
 * caller retries it with more input.
 */
export function scanCopyData(text: string, from: number, atLineStart: boolean, final: boolean): CopyDataScan {
  const n = text.length;
  let i = from;
  if (!atLineStart) {
    const newline = text.indexOf('\n', i);
    if (newline === -1) return { end: n, done: final, atLineStart: false };
    i = newline + 1;
  }
  while (i < n) {
    if (text.charCodeAt(i) === BACKSLASH) {
      if (i + 2 >= n || (text.charCodeAt(i + 2) === CR && i + 3 >= n)) {
        // Too short to tell whether this is the `\.` line; at the end of the input it does not matter.
        if (!final) return { end: i, done: false, atLineStart: true };
      } else if (text.charCodeAt(i + 1) === DOT) {
        const c = text.charCodeAt(i + 2);
        if (c === LF) return { end: i + 3, done: true, atLineStart: true };
        if (c === CR && text.charCodeAt(i + 3) === LF) return { end: i + 4, done: true, atLineStart: true };
      }
    }
    const newline = text.indexOf('\n', i);
    if (newline === -1) return { end: n, done: final, atLineStart: false };
    i = newline + 1;
  }
  return { end: n, done: final, atLineStart: true };
}
