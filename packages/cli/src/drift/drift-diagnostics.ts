import type { Diagnostic, DiagnosticCode, SchemaIR, SchemaSource, SourcePosition } from '@wesley/core';
import type { DriftFinding } from '@wesley/postgres';
import { changeLocator, sdlPositions } from '../plan/index.js';

const help: Readonly<Partial<Record<DiagnosticCode, string>>> = {
  WES201: 'apply the pending migrations (wesley migrate), or plan one: wesley plan --from <database url> --to <schema files> --out <dir>',
  WES202:
    'it was made outside the migrations: add it to the schema, or plan its removal with wesley plan --from <database url> --to <schema files> --allow-destructive',
  WES203:
    'the database or the schema changed outside the migrations: plan the way back with wesley plan --from <database url> --to <schema files>',
};

/**
 * Drift findings as diagnostics, each pointing at the type or field of the SDL it is about (as
 * `wesley plan` points its diagnostics): what the database lacks or has differently at its
 * declaration; what only the database has at the type it belongs to, or, for a whole table or
 * enum the schema does not have, at the start of the first schema file.
 */
export function driftDiagnostics(
  findings: readonly DriftFinding[],
  live: SchemaIR,
  expected: SchemaIR,
  sources: readonly SchemaSource[],
): Diagnostic[] {
  const fallback: SourcePosition = { file: sources[0]?.name ?? 'schema', line: 1, column: 1 };
  const locate = changeLocator({ ir: live, positions: sdlPositions([]) }, { ir: expected, positions: sdlPositions(sources) }, fallback);
  return findings.map((finding) => ({
    code: finding.code,
    severity: 'error',
    message: finding.message,
    help: help[finding.code] ?? '',
    ...locate(finding.change),
  }));
}
