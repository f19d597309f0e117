import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SchemaIR } from './types.js';

/**
 * JSON with object keys sorted, so equal data always gives equal text. Arrays keep their order:
 * the IR's arrays are already in a stable, meaningful order.
 */
export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

/**
 * Content hash of an IR: `sha256:` + hex of its stable JSON. Formatting, comments and
 * declaration order of types in the SDL do not reach the IR, so they do not change the hash.
 */
export function hashIR(ir: SchemaIR): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(stableStringify(ir))))}`;
}
