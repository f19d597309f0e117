import { codeFrame, type Diagnostic } from '@wesley/core';
import type { UnpluginContextMeta, UnpluginMessage } from 'unplugin';

/** A message for unplugin's `this.error` / `this.warn`, plus the code frame Rollup and Vite show. */
export type BundlerMessage = UnpluginMessage & { readonly frame: string };

/** Where a diagnostic was found: the schema's absolute path and its text. */
export interface SchemaText {
  readonly path: string;
  readonly body: string;
}

/**
 * A compiler diagnostic as the bundler reports it. Every position Wesley writes is 1-based, as
 * editors and the `wesley` CLI print it; `loc` is each bundler's own field in that bundler's
 * convention, since the bundler prints it beside the message and its tools read it:
 * - Vite prints `loc` as it is, in the build error header and in the dev overlay, whose link
 *   opens the editor at that column: the 1-based column, and no second position in the message.
 * - Rollup's `loc.column` is 0-based, and Rollup writes `file (line:column)` into the message
 *   itself, as for its own errors: the 0-based column, and no second position in the message.
 * - esbuild's `location.column` is 0-based, in UTF-8 bytes, printed in a block below the text
 *   without the source line (unplugin hands esbuild no `lineText`): the message starts with the
 *   1-based `file:line:column` and carries the frame.
 * - webpack keeps only the text: position and frame go there.
 * `frame` is the schema excerpt (Rollup prints it, Vite's overlay shows it). The diagnostic's
 * `related` places (the first declaration of a name declared twice) follow as `note:` lines,
 * each with its excerpt where the frame goes into the text and the place is in this schema.
 * `others` are further errors of the same schema, listed in the message, since Rollup and Vite
 * stop at the first. `stack` is empty: a schema diagnostic is the user's to fix, and a trace of
 * the plugin's internals after it (Rollup, Vite and webpack print one) only hides it.
 */
export function bundlerMessage(
  diagnostic: Diagnostic,
  schema: SchemaText,
  framework: UnpluginContextMeta['framework'],
  others: readonly Diagnostic[] = [],
): BundlerMessage {
  const frame = codeFrame(schema.body, diagnostic.line, diagnostic.column);
  const textOnly = framework === 'webpack' || framework === 'rspack';
  const framesInText = textOnly || framework === 'esbuild';
  const lines = [`${diagnostic.code} ${diagnostic.message}`];
  if (framesInText) lines[0] = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${lines[0]}`;
  if (framesInText && frame !== '') lines.push(frame);
  for (const related of diagnostic.related ?? []) {
    lines.push(`note: ${related.file}:${related.line}:${related.column} ${related.message}`);
    const noteFrame = framesInText && related.file === diagnostic.file ? codeFrame(schema.body, related.line, related.column) : '';
    if (noteFrame !== '') lines.push(noteFrame);
  }
  if (diagnostic.help !== '') lines.push(`help: ${diagnostic.help}`);
  if (others.length > 0)
    lines.push(`${others.length} more:`, ...others.map((d) => `  ${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`));
  return {
    id: schema.path,
    message: lines.join('\n'),
    loc: bundlerLocation(diagnostic, schema, framework),
    frame,
    stack: '',
    meta: { diagnostic },
  };
}

/** The diagnostic's place in the bundler's own `loc` convention (see `bundlerMessage`). */
function bundlerLocation(
  diagnostic: Diagnostic,
  schema: SchemaText,
  framework: UnpluginContextMeta['framework'],
): { file: string; line: number; column: number } {
  if (framework === 'vite') return { file: schema.path, line: diagnostic.line, column: diagnostic.column };
  if (framework !== 'esbuild') return { file: schema.path, line: diagnostic.line, column: diagnostic.column - 1 };
  // esbuild counts bytes of UTF-8, and prints the file as given: its own paths are relative to the working directory.
  const lineText = schema.body.split(/\r\n|\n|\r/)[diagnostic.line - 1] ?? '';
  return { file: diagnostic.file, line: diagnostic.line, column: Buffer.byteLength(lineText.slice(0, diagnostic.column - 1)) };
}
