import { compileSchema, type SchemaIR } from '@wesley/core';

/**
 * The IR of one SDL source, for tests that diff and plan schema versions. Throws with the
 * diagnostics when the source has an error, so a typo in a fixture fails loudly.
 */
export function sdlIR(body: string): SchemaIR {
  const result = compileSchema({ name: 'schema.graphql', body });
  if (result.ir === null) throw new Error(`fixture does not compile: ${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.ir;
}
