import { byteLength, maxIdentifierBytes } from './name-allocator.js';

/**
 * The name of the index a partition gets for its parent's index `index`: `<partition>_<index>`,
 * the same for the planner, the executor (which derives it for each partition it finds when the
 * step runs) and a rerun after a crash. When that is longer than PostgreSQL's 63 bytes, both are
 * shortened and a hash of the two full names is appended, so that partitions whose names differ
 * only past the cut still get different names (PostgreSQL would truncate them into one, and the
 * second build would find the first's index).
 */
export function partitionIndexName(partition: string, index: string): string {
  const full = `${partition}_${index}`;
  if (byteLength(full) <= maxIdentifierBytes) return full;
  const suffix = `_${fnv1a(`${partition}\u0000${index}`)}`;
  let head = full;
  while (byteLength(head) > maxIdentifierBytes - suffix.length) head = [...head].slice(0, -1).join('');
  return `${head}${suffix}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable hash with no dependency (core/run loads no hashing library). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
