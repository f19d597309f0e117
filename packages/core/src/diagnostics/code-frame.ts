/** A part of a code frame that a terminal may colour. */
export type CodeFramePart = 'gutter' | 'caret';

/** How a code frame is drawn. */
export interface CodeFrameOptions {
  /** Lines shown above and below the one at fault (default 2). */
  readonly linesAround?: number;
  /** Wraps a part in a style (the CLI's colours); the text is returned as is by default. */
  readonly paint?: (part: CodeFramePart, text: string) => string;
}

/**
 * The lines around a 1-based `line` and `column` of `source`, the error line marked with `>`
 * and a caret under the column, as Babel and Vite print frames:
 *
 * ```text
 *    9 | type Order @wes_table {
 * > 10 |   id: UUID! @wes_pk @wes_foo
 *      |                     ^
 *   11 | }
 * ```
 *
 * With `linesAround: 0` the one line needs no `>` to single it out and has none. GraphQL counts
 * `\r\n`, `\n` and `\r` as line ends and a tab as one column; tabs are kept in the caret line so
 * the caret lines up however wide a terminal draws them. Empty when `line` is out of range.
 */
export function codeFrame(source: string, line: number, column: number, options: CodeFrameOptions = {}): string {
  const { linesAround = 2, paint = (_part: CodeFramePart, text: string) => text } = options;
  const lines = source.split(/\r\n|\r|\n/);
  const target = lines[line - 1];
  if (line < 1 || target === undefined) return '';
  const first = Math.max(line - linesAround, 1);
  const last = Math.min(line + linesAround, lines.length);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const text = lines[number - 1] ?? '';
    const marker = number === line && linesAround > 0 ? '>' : ' ';
    out.push(`${marker} ${paint('gutter', `${String(number).padStart(width)} |`)}${text === '' ? '' : ` ${text}`}`);
    if (number === line) {
      const padding = target.slice(0, Math.min(Math.max(column, 1), target.length + 1) - 1).replace(/[^\t]/g, ' ');
      out.push(`  ${paint('gutter', `${' '.repeat(width)} |`)} ${padding}${paint('caret', '^')}`);
    }
  }
  return out.join('\n');
}
