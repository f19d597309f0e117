import { expect } from 'vitest';
import { compileSchema, type CompileOptions, type CompileResult, type Diagnostic, type DiagnosticCode, type Severity } from '@wesley/core';

/** The file name every single-source test compiles under. */
export const shopFile = 'shop.graphql';

/** Compiles one SDL source named {@link shopFile}. */
export function compileShop(body: string, options: CompileOptions = {}): CompileResult {
  return compileSchema({ name: shopFile, body }, options);
}

/**
 * One diagnostic a test expects: its exact place (checked by hand against the SDL: the token the
 * code is about), and words its message must contain so a user can tell what is wrong.
 */
export interface ExpectedDiagnostic {
  readonly code: DiagnosticCode;
  readonly line: number;
  readonly column: number;
  /** `error` unless given: written out here rather than read from the code table. */
  readonly severity?: Severity;
  /** {@link shopFile} unless given. */
  readonly file?: string;
  /** What the message must name: the offending directive, field, type or value. */
  readonly mentions: string | readonly string[];
  /** What the help line must contain, when it names the fix (a suggestion, the canonical spelling). */
  readonly help?: string;
  /** The other places of a conflict, exactly (when given): where, and words each note must contain. */
  readonly related?: readonly ExpectedRelated[];
}

/** One `related` place a test expects, checked like the diagnostic's own. */
export interface ExpectedRelated {
  readonly line: number;
  readonly column: number;
  /** {@link shopFile} unless given. */
  readonly file?: string;
  readonly mentions: string | readonly string[];
}

/**
 * Asserts that `result` reports exactly `expected`, in source order, and nothing else; that every
 * message and help line is non-empty; and that the IR is `null` exactly when an error is expected.
 */
export function expectDiagnostics(result: CompileResult, expected: readonly ExpectedDiagnostic[]): void {
  check(result.diagnostics, expected);
  expectIr(result, expected);
}

/**
 * Like {@link expectDiagnostics}, for errors only: for the cases where the same mistake also
 * brings a warning that the test does not pin down.
 */
export function expectErrors(result: CompileResult, expected: readonly ExpectedDiagnostic[]): void {
  check(
    result.diagnostics.filter((d) => d.severity === 'error'),
    expected,
  );
  expectIr(result, expected);
}

function check(actual: readonly Diagnostic[], expected: readonly ExpectedDiagnostic[]): void {
  expect(actual.map(place)).toEqual(
    expected.map((e) => ({
      code: e.code,
      severity: e.severity ?? 'error',
      file: e.file ?? shopFile,
      line: e.line,
      column: e.column,
    })),
  );
  actual.forEach((d, i) => {
    const e = expected[i];
    if (e === undefined) return;
    expect(d.message.trim(), `${d.code} message`).not.toBe('');
    expect(d.help.trim(), `${d.code} help`).not.toBe('');
    for (const word of typeof e.mentions === 'string' ? [e.mentions] : e.mentions) {
      expect(d.message, `${d.code} message names ${word}`).toContain(word);
    }
    if (e.help !== undefined) expect(d.help, `${d.code} help`).toContain(e.help);
    if (e.related !== undefined) checkRelated(d, e.related);
  });
}

function checkRelated(d: Diagnostic, expected: readonly ExpectedRelated[]): void {
  const related = d.related ?? [];
  expect(
    related.map(({ file, line, column }) => ({ file, line, column })),
    `${d.code} related places`,
  ).toEqual(expected.map((e) => ({ file: e.file ?? shopFile, line: e.line, column: e.column })));
  related.forEach((r, i) => {
    const mentions = expected[i]?.mentions ?? [];
    for (const word of typeof mentions === 'string' ? [mentions] : mentions) {
      expect(r.message, `${d.code} related note names ${word}`).toContain(word);
    }
  });
}

function expectIr(result: CompileResult, expected: readonly ExpectedDiagnostic[]): void {
  if (expected.some((e) => (e.severity ?? 'error') === 'error')) expect(result.ir).toBeNull();
  else expect(result.ir).not.toBeNull();
}

function place(d: Diagnostic): Pick<Diagnostic, 'code' | 'severity' | 'file' | 'line' | 'column'> {
  return { code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column };
}
