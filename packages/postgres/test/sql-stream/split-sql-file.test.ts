/**
 * `splitSqlFile` reads through one reused 64 KB buffer: what a chunk held must not leak into the
 * next (a statement, a character, a COPY line cut at a chunk's end), and an invalid byte after
 * the first chunk is still reported at its own line and offset, with the file's path.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileChunks, splitSql, splitSqlFile } from '../../src/sql-stream/index.js';
import { collectItems } from './collect-items.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-split-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Statements of many sizes, with multibyte characters, dollar quotes and COPY data, over several chunks. */
function script(): string {
  const parts: string[] = [];
  let length = 0;
  const add = (part: string) => {
    parts.push(part);
    length += part.length;
  };
  for (let i = 0; length < 400_000; i++) {
    const text = 'ü€😀;'.repeat(i % 97);
    add(`INSERT INTO t VALUES (${i}, '${text.replaceAll("'", "''")}');\n`);
    if (i % 500 === 0) add(`DO $x$ BEGIN PERFORM '${text}'; END $x$;\n`);
    if (i % 1500 === 7) add(`COPY t (a, b) FROM stdin;\n${`${i}\t${text}\n`.repeat(300)}\\.\n`);
  }
  return parts.join('');
}

describe('splitSqlFile', () => {
  it('splits a file of several chunks as splitSql splits its text', async () => {
    const text = script();
    const file = path.join(dir, 'many-chunks.sql');
    await writeFile(file, text);
    const fromFile = await collectItems(splitSqlFile(file));
    expect(fromFile).toEqual(await collectItems(splitSql([text])));
    expect(fromFile.length).toBeGreaterThan(1000);
  });

  it('reads the bytes of the file in order, each chunk a view valid until the next', async () => {
    const bytes = Buffer.from(script());
    const file = path.join(dir, 'bytes.sql');
    await writeFile(file, bytes);
    const copies: Buffer[] = [];
    for await (const chunk of readFileChunks(file)) copies.push(Buffer.from(chunk));
    expect(copies.length).toBeGreaterThan(2);
    expect(Buffer.concat(copies).equals(bytes)).toBe(true);
  });

  it('names the file, line and offset of invalid UTF-8 beyond the first chunk', async () => {
    const head = Buffer.from('SELECT 1;\n'.repeat(10_000));
    const file = path.join(dir, 'latin1.sql');
    await writeFile(file, Buffer.concat([head, Buffer.from("SELECT 'caf"), Buffer.from([0xe9]), Buffer.from("';\n")]));
    await expect(collectItems(splitSqlFile(file))).rejects.toThrow(`${file}:10001: not valid UTF-8 (byte offset ${head.length + 11})`);
  });
});
