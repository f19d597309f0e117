import { hashIRJson, stableJsonTexts, stableStringify, type SchemaIR, type Sha256 } from '@wesley/core';

const indent = 2;

/**
 * The IR as indented JSON with sorted keys and a final newline, so `ir.json` diffs line by line
 * and is byte-identical for equal schemas.
 */
export function formatIrJson(ir: SchemaIR): string {
  return `${stableStringify(ir, indent)}\n`;
}

/** `formatIrJson(ir)` and `hashIR(ir, sha256)` from one walk of the IR (`stableJsonTexts`). */
export function formatIrJsonAndHash(ir: SchemaIR, sha256: Sha256): { readonly json: string; readonly irHash: string } {
  const { compact, indented } = stableJsonTexts(ir, indent);
  return { json: `${indented}\n`, irHash: hashIRJson(compact, sha256) };
}
