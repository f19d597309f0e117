import { readFile } from 'node:fs/promises';

/** How a file on disk compares with the content it should have: the same, different, or absent. */
export type FileState = 'fresh' | 'stale' | 'missing';

/** Compares `file` (absolute) with `content`. Writes nothing. */
export async function fileState(file: string, content: string): Promise<FileState> {
  try {
    return (await readFile(file, 'utf8')) === content ? 'fresh' : 'stale';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}
