import { readFile, stat } from 'node:fs/promises';

/** How a file on disk compares with the content it should have: the same, different, or absent. */
export type FileState = 'fresh' | 'stale' | 'missing';

/**
 * Compares `file` (absolute) with `content`. Writes nothing. A file of another size is stale
 * without being read; one of the same size is compared byte for byte, as a Buffer: decoding a
 * generated file (ir.json of 1,000 tables is 11 MB) to a string only to compare it cost more
 * than the comparison.
 */
export async function fileState(file: string, content: string): Promise<FileState> {
  try {
    const expected = Buffer.from(content, 'utf8');
    if ((await stat(file)).size !== expected.length) return 'stale';
    return (await readFile(file)).equals(expected) ? 'fresh' : 'stale';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}
