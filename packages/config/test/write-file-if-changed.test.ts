import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileState } from '../src/files/file-state.js';
import { writeFileIfChanged } from '../src/files/write-file-if-changed.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileIfChanged', () => {
  it('creates a missing file and its directory, and says it was missing', async () => {
    const file = path.join(dir, 'a', 'b', 'out.ts');
    expect(await writeFileIfChanged(file, 'one\n')).toBe('missing');
    expect(await readFile(file, 'utf8')).toBe('one\n');
  });

  it('leaves a file that already holds the content untouched, its mtime included', async () => {
    const file = path.join(dir, 'same.ts');
    await writeFile(file, 'same\n');
    const past = new Date('2020-01-01T00:00:00Z');
    await utimes(file, past, past);
    expect(await writeFileIfChanged(file, 'same\n')).toBe('fresh');
    expect((await stat(file)).mtimeMs).toBe(past.getTime());
  });

  it('replaces a different file whole, leaving no temporary file behind', async () => {
    const file = path.join(dir, 'stale.ts');
    await writeFile(file, 'old\n');
    expect(await writeFileIfChanged(file, 'new\n')).toBe('stale');
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect((await readdir(dir)).filter((name) => name.startsWith('stale.ts.'))).toEqual([]);
  });

  it('compares without writing through fileState', async () => {
    const file = path.join(dir, 'compare.ts');
    expect(await fileState(file, 'x')).toBe('missing');
    await writeFile(file, 'x');
    expect(await fileState(file, 'x')).toBe('fresh');
    expect(await fileState(file, 'y')).toBe('stale');
  });

  it('compares bytes: the same size with other bytes is stale, the same text in UTF-8 fresh', async () => {
    const file = path.join(dir, 'bytes.ts');
    await writeFile(file, 'é\n');
    expect(await fileState(file, 'é\n')).toBe('fresh');
    expect(await fileState(file, 'è\n')).toBe('stale');
    expect(await fileState(file, 'ab\n')).toBe('stale');
  });
});
