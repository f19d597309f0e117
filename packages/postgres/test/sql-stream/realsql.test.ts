import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSql, type SqlTextItem } from '../../src/sql-stream/index.js';
import { collectItems } from './collect-items.js';
import { realsqlFiles, realsqlFound, realsqlPath, realsqlReference, type Reference } from '../fixtures/realsql-corpus.js';

/**
 * The lexer matches psql's split of the six real pg_dump files of the realsql corpus
 * (`../fixtures/realsql-corpus.ts` says where it is found), recorded from the wire as psql 15 sent them (`NN.statements.json`),
 * streamed in small chunks and in chunks of random sizes.
 */

/** A deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Re-cuts a byte stream into chunks of random sizes: often 1 to 16 bytes, else up to 8 KiB. */
async function* randomChunks(source: AsyncIterable<Buffer>, next: () => number): AsyncGenerator<Uint8Array> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const size = 1 + Math.floor(next() < 0.3 ? next() * 16 : next() * 8192);
      if (size > pending.length) break;
      yield pending.subarray(0, size);
      pending = pending.subarray(size);
    }
  }
  if (pending.length > 0) yield pending;
}

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

function expectPsqlSplit(name: string, items: readonly SqlTextItem[], reference: Reference): void {
  const sent = items.filter((item) => item.kind !== 'meta');
  expect(sent.map((item) => item.sql)).toEqual(reference.statements.map((statement) => statement.sql));
  expect(sent.map((item) => item.kind)).toEqual(
    reference.statements.map((statement) => (statement.copy === undefined ? 'statement' : 'copy')),
  );
  reference.statements.forEach((statement, index) => {
    const item = sent[index];
    if (statement.copy === undefined || item?.kind !== 'copy') return;
    // psql 15 also sent the `\.` line, which the splitter leaves out of the data.
    expect(Buffer.byteLength(item.data) + Buffer.byteLength('\\.\n'), `${name} COPY #${index}`).toBe(statement.copy.bytes);
    expect(lineCount(item.data) + 1, `${name} COPY #${index}`).toBe(statement.copy.lines);
  });
  // Each item's line is where its first line stands in the file.
  const lines = readFileSync(realsqlPath(name), 'utf8').split('\n');
  for (const item of items) {
    const first = item.kind === 'meta' ? item.command : (item.sql.split('\n')[0] ?? '');
    expect(lines[item.line - 1], `${name}: ${first}`).toContain(first);
  }
}

describe.skipIf(!realsqlFound)('splitSql on the realsql corpus gives psql 15 split', () => {
  for (const name of realsqlFiles) {
    describe(name, () => {
      it('the reference is of this very file', () => {
        const reference = realsqlReference(name);
        expect(
          createHash('sha256')
            .update(readFileSync(realsqlPath(name)))
            .digest('hex'),
        ).toBe(reference.sha256);
        expect(reference.file).toBe(name);
      });

      it('streamed in 4 KiB chunks', async () => {
        const items = await collectItems(splitSql(createReadStream(realsqlPath(name), { highWaterMark: 4096 })));
        expectPsqlSplit(name, items, realsqlReference(name));
        const metas = items.filter((item) => item.kind === 'meta');
        if (name === '08-sanbase2.sql') {
          // pg_dump 17's `\restrict` / `\unrestrict` lines, which psql runs itself.
          const lines = readFileSync(realsqlPath(name), 'utf8').split('\n');
          expect(lines[4]).toMatch(/^\\restrict \w+$/);
          expect(lines[12316]).toMatch(/^\\unrestrict \w+$/);
          expect(metas).toEqual([
            { kind: 'meta', command: lines[4], line: 5 },
            { kind: 'meta', command: lines[12316], line: 12317 },
          ]);
        } else {
          expect(metas).toEqual([]);
        }
      });

      it('streamed in chunks of random sizes', async () => {
        const seed = createHash('sha256').update(name).digest().readUInt32BE(0);
        const expected = await collectItems(splitSql(createReadStream(realsqlPath(name))));
        const items = await collectItems(splitSql(randomChunks(createReadStream(realsqlPath(name)), random(seed))));
        expect(items, `seed ${seed}`).toEqual(expected);
        expectPsqlSplit(name, items, realsqlReference(name));
      });
    });
  }
});
