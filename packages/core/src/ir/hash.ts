import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SchemaIR } from './types.js';

/**
 * JSON with object keys sorted, so equal data always gives equal text. Arrays keep their order:
 * the IR's arrays are already in a stable, meaningful order.
 */
export function stableStringify(value: unknown, indent?: number): string {
  return indent === undefined ? (compact(value) ?? 'null') : JSON.stringify(sortKeys(value), null, indent);
}

/**
 * The compact form, written straight to text: the hash of a 1,000-table IR is taken on every
 * plan, and building a sorted copy first doubled its cost. Same output as
 * `JSON.stringify(sortKeys(value))` for plain data (`undefined` members left out, `null` in arrays),
 * except that integer-like keys sort as text too (an object copy would list them first).
 */
function compact(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => compact(item) ?? 'null').join(',')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const text = compact((value as Record<string, unknown>)[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
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
