import type { SchemaIR } from '@wesley/core';
import type { SchemaInput } from './schema-input.js';

/** The schema before the first migration: no table, no enum. */
const emptySchema: SchemaIR = { kind: 'schema', version: 1, enums: [], tables: [] };

/**
 * The empty schema as one side of a plan (`wesley plan --from empty`, or the baseline of a
 * migrations directory with no `ir.json` yet): planning from it creates the whole schema, the
 * first migration of a new database. `label` is how messages name it, `notices` what the user
 * should know about why it is empty.
 */
export function emptySchemaInput(label: string, notices: readonly string[] = []): SchemaInput {
  return { label, ir: emptySchema, sources: [], diagnostics: [], serverVersion: null, notices };
}
