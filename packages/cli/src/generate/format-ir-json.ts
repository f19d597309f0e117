import { stableStringify, type SchemaIR } from '@wesley/core';

/**
 * The IR as indented JSON with sorted keys and a final newline, so `ir.json` diffs line by line
 * and is byte-identical for equal schemas.
 */
export function formatIrJson(ir: SchemaIR): string {
  return `${stableStringify(ir, 2)}\n`;
}
