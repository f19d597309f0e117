import type { Rule } from 'eslint';
import type { SchemaIR } from '@wesley/core';
import { schemaCompilation } from '../compile/schema-compilation.js';

/**
 * The listener of a schema-design rule: `check` gets the IR of the schema the linted file
 * belongs to, once per file. A schema with errors is judged beside them, by what compiled: the
 * compiler's `partialIR` leaves out each table and column with an error of its own (those are
 * what `@wesley/diagnostics` reports), where a design finding would be noise.
 */
export function onSchemaIR(context: Rule.RuleContext, check: (ir: SchemaIR) => void): Rule.RuleListener {
  return {
    Document() {
      const { result } = schemaCompilation(context);
      if (result !== null) check(result.partialIR);
    },
  };
}
