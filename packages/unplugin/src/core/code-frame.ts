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
 * GraphQL counts a tab as one column; tabs are kept in the caret line so it lines up. Empty
 * when `line` is out of range.
 */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = source.split(/\r\n|\r|\n/);
  const target = lines[line - 1];
  if (line < 1 || target === undefined) return '';
  const first = Math.max(line - 2, 1);
  const last = Math.min(line + 2, lines.length);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const text = lines[number - 1] ?? '';
    const gutter = String(number).padStart(width);
    out.push(`${number === line ? '>' : ' '} ${gutter} |${text === '' ? '' : ` ${text}`}`);
    if (number === line) {
      const padding = target.slice(0, Math.min(Math.max(column, 1), target.length + 1) - 1).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(width)} | ${padding}^`);
    }
  }
  return out.join('\n');
}
