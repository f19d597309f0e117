import { open } from 'node:fs/promises';

/** Bytes read at a time: a read stream's default chunk. */
const chunkBytes = 1 << 16;

/**
 * The bytes of a file, read in order through one buffer: each chunk is a view of that buffer,
 * valid until the next is requested, so a reader must use it (decode it, hash it) first. Not a
 * read stream, whose fresh 64 KB buffer per read becomes garbage outside V8's heap: a migrator
 * that reads hundreds of megabytes made one every few milliseconds, and those that outlived a
 * young-generation collection stayed until the next full one (up to ~30 MB of `arrayBuffers`).
 */
export async function* readFileChunks(path: string): AsyncGenerator<Uint8Array, void, undefined> {
  const buffer = new Uint8Array(chunkBytes);
  const handle = await open(path);
  try {
    for (let read = await handle.read(buffer, 0, chunkBytes); read.bytesRead > 0; read = await handle.read(buffer, 0, chunkBytes)) {
      yield buffer.subarray(0, read.bytesRead);
    }
  } finally {
    await handle.close();
  }
}
