import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Each diagnostic as `file:line:col CODE message`, followed by its help line when it has one. */
export function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.flatMap((d) => [
    `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`,
    ...(d.help === '' ? [] : [`  help: ${d.help}`]),
  ]);
}
