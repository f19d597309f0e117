import { sortDiagnostics, type Diagnostic, type SchemaSource } from '@wesley/core';
import type { OutputStream } from '../cli-context.js';
import { formatDiagnostic } from './format-diagnostic.js';
import { formatDiagnosticSummary } from './format-diagnostic-summary.js';
import { styleFor } from './style.js';

/**
 * Writes every diagnostic in source order, each with its source excerpt (and those of its related
 * places, in whichever file they are), then a one-line count.
 * Writes nothing when there are none.
 */
export function writeDiagnostics(stream: OutputStream, diagnostics: readonly Diagnostic[], sources: readonly SchemaSource[]): void {
  if (diagnostics.length === 0) return;
  const style = styleFor(stream.color);
  const bodies = new Map(sources.map((source) => [source.name, source.body]));
  const blocks = sortDiagnostics(diagnostics).map((d) => formatDiagnostic(d, (file) => bodies.get(file), style));
  stream.write(`${blocks.join('\n\n')}\n\n${formatDiagnosticSummary(diagnostics)}\n`);
}
