import type { Rule } from 'eslint';
import type { SchemaIR } from '@wesley/core';
import { schemaCompilation } from '../compile/schema-compilation.js';

/**
 * The listener of a schema-design rule: `check` gets the IR of the schema the linted file
 * belongs to, once per file. A schema that does not compile has no IR, and its errors are what
 * `@wesley/diagnostics` reports; its design is judged once they are fixed.
 */
export function onSchemaIR(context: Rule.RuleContext, check: (ir: SchemaIR) => void): Rule.RuleListener {
  return {
    Document() {
      const { ir } = schemaCompilation(context).result;
      if (ir !== null) check(ir);
    },
  };
}
