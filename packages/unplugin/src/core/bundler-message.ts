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
 * A compiler diagnostic as the bundler reports it. Every position a bundler prints for it is
 * the 1-based `line:column` that editors and the `wesley` CLI print, and no other: a reader who
 * sees `schema.graphql:10:17` in one tool finds the same in the next. `loc`, each bundler's own
 * field, is set where what the bundler prints from it is that position:
 * - Vite prints `loc` as it is (`[plugin wesley] <file>:<line>:<column>` in the build error,
 *   and the dev overlay, whose link opens the editor at that column): 1-based.
 * - Rollup writes `<file> (<line>:<column>)` of `loc` into the message, and its CLI prints that
 *   line once more (rollup/dist/shared/parseAst.js `augmentLogMessage`, rollup.js
 *   `handleError`). Rollup's own errors count that column from 0, but its plugins' do not all:
 *   `@rollup/plugin-typescript` sets `loc.column` 1-based for the same reason. 1-based, so what
 *   Rollup prints is the CLI's position.
 * - esbuild prints `location` in a block below the text as `<file>:<line>:<column>` with its
 *   0-based column in UTF-8 bytes, under an empty source line (unplugin hands esbuild no
 *   `lineText`): a second, different position. So no `location`: the message starts with the
 *   1-based `file:line:column` and carries the frame, and API users read the place from the
 *   message's `detail.diagnostic` (`meta`).
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
    ...(framework === 'esbuild' ? {} : { loc: { file: schema.path, line: diagnostic.line, column: diagnostic.column } }),
    frame,
    stack: '',
    meta: { diagnostic },
  };
}
