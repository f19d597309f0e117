import type { Diagnostic, SchemaIR, SchemaSource, SourcePosition, UnusedObject } from '@wesley/core';
import { sdlPositions } from '../plan/index.js';

const codes = { 'unused-column': 'WES362', 'unused-index': 'WES363', 'null-column': 'WES364' } as const;

const help: Readonly<Record<UnusedObject['kind'], string>> = {
  'unused-column': 'if no code needs it, remove the field and plan its drop; migrate checks the usage again before the drop runs',
  'unused-index': 'if no query needs it, remove its @wes_index (an index costs every write) and plan the drop',
  'null-column': 'if nothing will ever write it, remove the field; else check the code meant to fill it',
};

/**
 * Unused columns and indexes, and all-NULL columns, as warnings pointing at the schema, as drift
 * points its findings: a column at its field, an index at the field of its first column, either
 * at its type when the schema has no such field; a table the schema does not have (made outside
 * it), at the start of the first schema file. Only tables of `dbSchema` are the schema's.
 */
export function usageDiagnostics(
  found: readonly UnusedObject[],
  ir: SchemaIR,
  sources: readonly SchemaSource[],
  dbSchema: string,
): Diagnostic[] {
  const positions = sdlPositions(sources);
  const fallback: SourcePosition = { file: sources[0]?.name ?? 'schema', line: 1, column: 1 };
  const locate = (object: UnusedObject): SourcePosition => {
    const table = ir.tables.find((candidate) => `${dbSchema}.${candidate.name}` === object.table);
    if (table === undefined) return fallback;
    const indexed = object.index === null ? undefined : table.indexes.find((index) => `${dbSchema}.${index.name}` === object.index);
    const column = object.column ?? indexed?.columns[0] ?? null;
    const field = column === null ? undefined : table.columns.find((candidate) => candidate.name === column)?.graphqlName;
    return (field === undefined ? null : positions.member(table.graphqlName, field)) ?? positions.type(table.graphqlName) ?? fallback;
  };
  return found.map((object) => ({
    code: codes[object.kind],
    severity: 'warning',
    message: `${describeUnused(object)} (confidence ${object.confidence.level}: ${object.confidence.evidence.join('; ')})`,
    help: help[object.kind],
    ...locate(object),
  }));
}

/** `column public.account.legacy_code: no query used it in the window`, and so on. */
export function describeUnused(object: UnusedObject): string {
  switch (object.kind) {
    case 'unused-column':
      return `column ${object.table}.${object.column ?? '?'}: no query used it in the window`;
    case 'unused-index':
      return `index ${object.index ?? '?'} on ${object.table}: not scanned in the window`;
    case 'null-column':
      return `column ${object.table}.${object.column ?? '?'}: holds only NULL`;
  }
}
