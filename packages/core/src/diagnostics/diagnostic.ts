import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning';

/**
 * A user mistake (or a warning), as a value: never thrown. Lines and columns are 1-based and
 * point at the SDL token that caused it.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** One line that tells the user what to do about it. */
  readonly help: string;
  /** Source name as given to the compiler (usually a path relative to the working directory). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `true` when any diagnostic is an error (or, with `strict`, a warning). */
export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || strict);
}

/** Diagnostics in source order: file, line, column, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
