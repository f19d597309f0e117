/**
 * `fileChecksum` reads through one reused buffer (not a read stream, whose chunks piled up to the
 * migrator's peak RSS): the sha256 of the bytes, whatever the file's size against that buffer.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileChecksum } from '../../src/migrate/migration-files.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-checksum-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Bytes that differ at every offset, so a chunk hashed twice or left out changes the digest. */
function bytes(length: number): Buffer {
  const data = Buffer.alloc(length);
  for (let i = 0; i < length; i++) data[i] = (i * 31 + (i >> 8)) & 0xff;
  return data;
}

describe('fileChecksum', () => {
  it.each([0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 17, 1_000_000])('is the sha256 of a file of %i bytes', async (length) => {
    const data = bytes(length);
    const file = path.join(dir, `${length}.sql`);
    await writeFile(file, data);
    expect(await fileChecksum(file)).toBe(`sha256:${createHash('sha256').update(data).digest('hex')}`);
  });

  it('rejects a file that is not there, and a directory', async () => {
    await expect(fileChecksum(path.join(dir, 'missing.sql'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(fileChecksum(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
