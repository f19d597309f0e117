/** Where a scan of `COPY ... FROM STDIN` data stopped. */
export interface CopyDataScan {
  /** The data scanned ends before this index (never including the `\.` line). */
  readonly end: number;
  /** Where scanning continues: `end`, or past the `\.` line when `done`. */
  readonly resume: number;
  /** The `\.` line (or the end of the input) was reached. */
  readonly done: boolean;
  /** `resume` is at the start of a line. */
  readonly atLineStart: boolean;
}

const BACKSLASH = 0x5c;
const DOT = 0x2e;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Scans COPY data in `text` from `from` the way psql's handleCopyIn reads it: line by line, up to a
 * line that is exactly `\.` (ended by `\n`, `\r\n` or the end of the input), or to the end of the
 * input. The `\.` line is not data: psql 15 sends it, but PostgreSQL 18 reads it as a row in CSV
 * format, and the end of the data is signalled anyway. Without `final`, a line start that may
 * still become `\.` stops the scan before it, so the caller retries it with more input.
 */
export function scanCopyData(text: string, from: number, atLineStart: boolean, final: boolean): CopyDataScan {
  const n = text.length;
  let i = from;
  if (!atLineStart) {
    const newline = text.indexOf('\n', i);
    if (newline === -1) return { end: n, resume: n, done: final, atLineStart: false };
    i = newline + 1;
  }
  while (i < n) {
    if (text.charCodeAt(i) === BACKSLASH) {
      const marker = markerLength(text, i, final);
      if (marker === -1) return { end: i, resume: i, done: false, atLineStart: true };
      if (marker > 0) return { end: i, resume: i + marker, done: true, atLineStart: true };
    }
    const newline = text.indexOf('\n', i);
    if (newline === -1) return { end: n, resume: n, done: final, atLineStart: false };
    i = newline + 1;
  }
  return { end: n, resume: n, done: final, atLineStart: true };
}

/** Length of the `\.` line at `i` (its line break included); 0 if it is not one; -1 if unsure yet. */
function markerLength(text: string, i: number, final: boolean): number {
  const n = text.length;
  if (i + 1 >= n) return final ? 0 : -1;
  if (text.charCodeAt(i + 1) !== DOT) return 0;
  if (i + 2 >= n) return final ? 2 : -1;
  const c = text.charCodeAt(i + 2);
  if (c === LF) return 3;
  if (c !== CR) return 0;
  if (i + 3 >= n) return final ? 3 : -1;
  return text.charCodeAt(i + 3) === LF ? 4 : 0;
}
