import type { Diagnostic, RelatedLocation, Severity } from '@wesley/core';
// From the small entry: `wesley lint` prints diagnostics without loading the compiler.
import { codeFrame, type CodeFramePart } from '@wesley/core/run';
import { plainStyle, type Style, type StyleFormat } from './style.js';

const severityFormat: Readonly<Record<Severity, StyleFormat>> = { error: 'red', warning: 'yellow' };

/** The text of a schema file by name: one text (the diagnostic's own file), or a lookup over several. */
export type DiagnosticSource = string | undefined | ((file: string) => string | undefined);

/**
 * Renders one diagnostic for a terminal:
 *
 * ```text
 * schema.graphql:4:6  WES012  error  Order_Item and OrderItem both become table order_item
 *   4 | type Order_Item @wes_table {
 *     |      ^
 *   note: schema.graphql:1:6  OrderItem also becomes table order_item
 *   1 | type OrderItem @wes_table {
 *     |      ^
 *   help: rename one type, or give one @wes_table(name: "...")
 * ```
 *
 * Each of the diagnostic's `related` places gets a `note:` line and its own excerpt, as rustc
 * and TypeScript show the other side of a conflict. `source` is the text of `diagnostic.file`
 * (then a note's excerpt is drawn only for a place in that file), or a lookup by file name;
 * without a text (or when the line is out of range) the excerpt (core's `codeFrame`, the line
 * alone) is left out. The result has no trailing newline.
 */
export function formatDiagnostic(diagnostic: Diagnostic, source: DiagnosticSource, style: Style = plainStyle): string {
  const textOf = (file: string): string | undefined =>
    typeof source === 'function' ? source(file) : file === diagnostic.file ? source : undefined;
  const color = severityFormat[diagnostic.severity];
  const lines = [
    `${style('bold', location(diagnostic))}  ${style(color, diagnostic.code)}  ${style(color, diagnostic.severity)}  ${diagnostic.message}`,
  ];
  const frame = excerpt(textOf(diagnostic.file), diagnostic, color, style);
  if (frame !== '') lines.push(frame);
  for (const related of diagnostic.related ?? []) {
    lines.push(`  ${style('cyan', 'note:')} ${style('bold', location(related))}  ${related.message}`);
    const note = excerpt(textOf(related.file), related, 'cyan', style);
    if (note !== '') lines.push(note);
  }
  if (diagnostic.help !== '') lines.push(`  ${style('cyan', 'help:')} ${diagnostic.help}`);
  return lines.join('\n');
}

function location(place: RelatedLocation | Diagnostic): string {
  return `${place.file}:${place.line}:${place.column}`;
}

/** The line at `place` with a caret painted `caret`, or empty without a text. */
function excerpt(text: string | undefined, place: RelatedLocation | Diagnostic, caret: StyleFormat, style: Style): string {
  const paint = (part: CodeFramePart, piece: string) => style(part === 'gutter' ? 'dim' : caret, piece);
  return text === undefined ? '' : codeFrame(text, place.line, place.column, { linesAround: 0, paint });
}
