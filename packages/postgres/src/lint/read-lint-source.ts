import { readFileChunks } from '../sql-stream/read-file-chunks.js';
import { splitSqlFile } from '../sql-stream/split-sql-file.js';
import { Utf8Decoder } from '../sql-stream/utf8-decoder.js';

/** A SQL file as the linter reads it: the text its findings point into, and psql's split. */
export interface LintSource {
  /**
   * The file's lines, each `COPY ... FROM STDIN` data line left empty: the linter reads approvals
   * and code frames from the lines around statements, and a pg_dump's data can be hundreds of
   * megabytes that no statement is on. Line numbers are the file's.
   */
  readonly text: string;
  /** The statements and COPY statements psql would send, in order (meta-commands left out). */
  readonly statements: readonly { readonly sql: string; readonly line: number }[];
}

/**
 * Reads a SQL file for the linter, streamed as every reader of a migration reads it: once for
 * psql's split (the lexer that runs it, so the linter judges the statements that will run),
 * then for its lines with the COPY data left out, so memory holds the statements, not the data.
 *
 * A COPY's data starts on the line after its statement ends: the statement's first line plus
 * the line breaks in its text (the split drops blank lines inside a statement, which pg_dump's
 * one-line COPY never has).
 */
export async function readLintSource(path: string): Promise<LintSource> {
  const statements: { sql: string; line: number }[] = [];
  /** Data line ranges, [first, end) 1-based. */
  const data: { first: number; end: number }[] = [];
  for await (const item of splitSqlFile(path)) {
    if (item.kind === 'meta') continue;
    statements.push({ sql: item.sql, line: item.line });
    if (item.kind !== 'copy') continue;
    let lines = 0;
    let open = false;
    for await (const chunk of item.data) {
      lines += countLineBreaks(chunk);
      if (chunk !== '') open = !chunk.endsWith('\n');
    }
    // A last data line the file ends without a line break.
    if (open) lines++;
    const first = item.line + countLineBreaks(item.sql) + 1;
    data.push({ first, end: first + lines });
  }
  return { text: await linesOutside(path, data), statements };
}

/** The file's text with the lines in `ranges` (in order, not overlapping) emptied. */
async function linesOutside(path: string, ranges: readonly { first: number; end: number }[]): Promise<string> {
  const decoder = new Utf8Decoder(path);
  const kept: string[] = [];
  let line = 1;
  let range = 0;
  let partial = '';
  const take = (text: string) => {
    let start = 0;
    for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', start)) {
      keep(partial + text.slice(start, k));
      partial = '';
      start = k + 1;
    }
    partial += inData() ? '' : text.slice(start);
  };
  const inData = () => {
    while (range < ranges.length && (ranges[range]?.end ?? 0) <= line) range++;
    const current = ranges[range];
    return current !== undefined && line >= current.first;
  };
  const keep = (text: string) => {
    kept.push(inData() ? '' : text);
    line++;
  };
  for await (const chunk of readFileChunks(path)) take(decoder.decode(chunk));
  take(decoder.decode(undefined));
  kept.push(partial);
  return kept.join('\n');
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) count++;
  return count;
}
