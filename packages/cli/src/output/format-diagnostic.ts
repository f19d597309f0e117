import type { Diagnostic, Severity } from '@wesley/core';
import { plainStyle, type Style, type StyleFormat } from './style.js';

const severityFormat: Readonly<Record<Severity, StyleFormat>> = { error: 'red', warning: 'yellow' };

/**
 * Renders one diagnostic for a terminal:
 *
 * ```text
 * schema.graphql:12:17  WES003  error  unknown directive @wes_foo
 *   12 |   name: String! @wes_foo
 *      |                 ^
 *   help: did you mean @wes_fk? (or declare `directive @wes_foo on ...` if it is your own)
 * ```
 *
 * `source` is the text of `diagnostic.file`; without it (or when the line is out of range) the
 * excerpt is left out. The result has no trailing newline.
 */
export function formatDiagnostic(diagnostic: Diagnostic, source: string | undefined, style: Style = plainStyle): string {
  const color = severityFormat[diagnostic.severity];
  const location = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  const lines = [
    `${style('bold', location)}  ${style(color, diagnostic.code)}  ${style(color, diagnostic.severity)}  ${diagnostic.message}`,
  ];
  const sourceLine = source === undefined ? undefined : lineAt(source, diagnostic.line);
  if (sourceLine !== undefined) {
    const number = String(diagnostic.line);
    const gutter = ' '.repeat(number.length);
    lines.push(
      `  ${style('dim', `${number} |`)} ${sourceLine}`,
      `  ${style('dim', `${gutter} |`)} ${caretPadding(sourceLine, diagnostic.column)}${style(color, '^')}`,
    );
  }
  if (diagnostic.help !== '') lines.push(`  ${style('cyan', 'help:')} ${diagnostic.help}`);
  return lines.join('\n');
}

/** The 1-based line `line` of `source`; GraphQL counts `\r\n`, `\n` and `\r` as line ends. */
function lineAt(source: string, line: number): string | undefined {
  if (line < 1) return undefined;
  return source.split(/\r\n|\r|\n/)[line - 1];
}

/**
 * Whitespace that puts the caret under the 1-based `column` of `line`. Tabs are kept as tabs so
 * the caret lines up however wide the terminal draws them; GraphQL counts a tab as one column.
 */
function caretPadding(line: string, column: number): string {
  const width = Math.min(Math.max(column, 1), line.length + 1) - 1;
  return line.slice(0, width).replace(/[^\t]/g, ' ');
}
