import type { SqlItem, SqlTextItem } from '../../src/sql-stream/index.js';

/** Drains a splitSql stream into plain items, COPY data joined into one string. */
export async function collectItems(items: AsyncIterable<SqlItem>): Promise<SqlTextItem[]> {
  const out: SqlTextItem[] = [];
  for await (const item of items) {
    if (item.kind !== 'copy') {
      out.push(item);
      continue;
    }
    let data = '';
    for await (const chunk of item.data) data += chunk;
    out.push({ kind: 'copy', sql: item.sql, line: item.line, data });
  }
  return out;
}

/** `text` as UTF-8 bytes cut at the given sizes (cycled), so cuts fall inside characters too. */
export function* byteChunks(text: string | Uint8Array, sizes: readonly number[]): Generator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length] ?? 1);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}
