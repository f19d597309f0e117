import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning';

/**
 * Another place a diagnostic is about, as graphql-js gives an error several `locations`: the
 * first of two declarations that collide, where the other spelling is. 1-based like the
 * diagnostic's own position.
 */
export interface RelatedLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** What is at that place, as a note: "first given here", "OrderItem also becomes table order_item". */
  readonly message: string;
}

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
  /**
   * The other places of a conflict (the position above is the one to fix, usually the later
   * one). Absent, not empty, when there are none, so a diagnostic about one place keeps its shape.
   */
  readonly related?: readonly RelatedLocation[];
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
