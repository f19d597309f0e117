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
 * A compiler diagnostic as the bundler reports it. The message is `CODE message` and the hint;
 * `loc` has the 1-based line and a 0-based column, as Rollup, Vite and esbuild count them;
 * `frame` is the schema excerpt (Rollup prints it, Vite's overlay shows it). What unplugin
 * hands on is less for the others: esbuild gets no source line to draw its own frame from, so
 * the frame goes into the text; webpack keeps only the text, so the location (1-based, as
 * editors and the `wesley` CLI print it) goes there too. The diagnostic's `related` places (the
 * first declaration of a name declared twice) follow as `note:` lines, each with its excerpt
 * where the frame goes into the text and the place is in this schema. `others` are further errors
 * of the same schema, listed in the message, since Rollup and Vite stop at the first.
 */
export function bundlerMessage(
  diagnostic: Diagnostic,
  schema: SchemaText,
  framework: UnpluginContextMeta['framework'],
  others: readonly Diagnostic[] = [],
): BundlerMessage {
  const frame = codeFrame(schema.body, diagnostic.line, diagnostic.column);
  const lines = [`${diagnostic.code} ${diagnostic.message}`];
  const textOnly = framework === 'webpack' || framework === 'rspack';
  if (textOnly) lines[0] = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${lines[0]}`;
  const framesInText = textOnly || framework === 'esbuild';
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
    // esbuild prints the file as given, and its own paths are relative to the working directory.
    loc: { file: framework === 'esbuild' ? diagnostic.file : schema.path, line: diagnostic.line, column: diagnostic.column - 1 },
    frame,
    meta: { diagnostic },
  };
}
