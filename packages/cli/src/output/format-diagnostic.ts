import { codeFrame, type CodeFramePart, type Diagnostic, type Severity } from '@wesley/core';
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
 * excerpt (core's `codeFrame`, the line alone) is left out. The result has no trailing newline.
 */
export function formatDiagnostic(diagnostic: Diagnostic, source: string | undefined, style: Style = plainStyle): string {
  const color = severityFormat[diagnostic.severity];
  const paint = (part: CodeFramePart, text: string) => style(part === 'gutter' ? 'dim' : color, text);
  const location = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  const lines = [
    `${style('bold', location)}  ${style(color, diagnostic.code)}  ${style(color, diagnostic.severity)}  ${diagnostic.message}`,
  ];
  const frame = source === undefined ? '' : codeFrame(source, diagnostic.line, diagnostic.column, { linesAround: 0, paint });
  if (frame !== '') lines.push(frame);
  if (diagnostic.help !== '') lines.push(`  ${style('cyan', 'help:')} ${diagnostic.help}`);
  return lines.join('\n');
}
