import { stableStringify, type SchemaIR } from '@wesley/core';

/**
 * The IR as indented JSON with sorted keys and a final newline, so `ir.json` diffs line by line
 * and is byte-identical for equal schemas. Re-parsing the stable text keeps its key order
 * (no IR key is an integer-like string, the one case where parse would reorder).
 */
export function formatIrJson(ir: SchemaIR): string {
  return `${JSON.stringify(JSON.parse(stableStringify(ir)), null, 2)}\n`;
}
