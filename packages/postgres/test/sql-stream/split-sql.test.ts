import { describe, expect, it } from 'vitest';
import { splitSql, type SqlItem } from '../../src/sql-stream/index.js';
import { byteChunks } from './collect-items.js';

const script = 'COPY t FROM stdin;\n1\n2\n\\.\nCOPY u FROM stdin;\n3\n\\.\nSELECT 1;\n';

async function next(items: AsyncGenerator<SqlItem>): Promise<SqlItem> {
  const result = await items.next();
  if (result.done === true) throw new Error('no more items');
  return result.value;
}

describe('splitSql as a stream', () => {
  it('skips COPY data the consumer leaves unread', async () => {
    const seen: string[] = [];
    for await (const item of splitSql(byteChunks(script, [3]))) seen.push(item.kind === 'meta' ? item.command : item.sql);
    expect(seen).toEqual(['COPY t FROM stdin;', 'COPY u FROM stdin;', 'SELECT 1;']);
  });

  it('streams COPY data in pieces, not as one string', async () => {
    const items = splitSql(byteChunks(script, [2]));
    const copy = await next(items);
    if (copy.kind !== 'copy') throw new Error('expected a COPY');
    const pieces: string[] = [];
    for await (const piece of copy.data) pieces.push(piece);
    expect(pieces.join('')).toBe('1\n2\n');
    expect(pieces.length).toBeGreaterThan(1);
  });

  it('skips the rest of COPY data the consumer stopped reading', async () => {
    const seen: string[] = [];
    for await (const item of splitSql(byteChunks(script, [2]))) {
      seen.push(item.kind === 'meta' ? item.command : item.sql);
      if (item.kind !== 'copy') continue;
      for await (const piece of item.data) {
        seen.push(piece);
        break;
      }
    }
    expect(seen).toEqual(['COPY t FROM stdin;', '1', 'COPY u FROM stdin;', '3', 'SELECT 1;']);
  });

  it('refuses COPY data read after the next item was requested', async () => {
    const items = splitSql([script]);
    const copy = await next(items);
    if (copy.kind !== 'copy') throw new Error('expected a COPY');
    expect(await next(items)).toMatchObject({ kind: 'copy', sql: 'COPY u FROM stdin;' });
    await expect(async () => {
      for await (const piece of copy.data) void piece;
    }).rejects.toThrow(/COPY data can be read once/);
  });

  it('refuses the next item while COPY data is being read', async () => {
    const items = splitSql(byteChunks(script, [2]));
    const copy = await next(items);
    if (copy.kind !== 'copy') throw new Error('expected a COPY');
    const data = copy.data[Symbol.asyncIterator]();
    await data.next();
    await expect(items.next()).rejects.toThrow(/while COPY data was still being read/);
  });

  it('names the line when the input is not UTF-8', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('SELECT 1;\nSELECT 2;\nSELECT '), 0xff, 0x3b]);
    for (const chunks of [[bytes], [...byteChunks(bytes, [4])], [...byteChunks(bytes, [1])]]) {
      await expect(async () => {
        for await (const item of splitSql(chunks)) void item;
      }).rejects.toThrow(/^SQL input:3: not valid UTF-8 \(byte offset 27\)$/);
    }
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    // An async source with nothing to wait for: the splitter's async path is what is under test.
    // eslint-disable-next-line @typescript-eslint/require-await
    async function* source(): AsyncGenerator<string> {
      try {
        yield 'SELECT 1; SELECT 2;';
        yield 'SELECT 3;';
      } finally {
        closed = true;
      }
    }
    for await (const item of splitSql(source())) {
      expect(item).toEqual({ kind: 'statement', sql: 'SELECT 1;', line: 1 });
      break;
    }
    expect(closed).toBe(true);
  });
});
