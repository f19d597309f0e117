import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { fileState, type FileState } from './file-state.js';

/**
 * Writes `content` to `file` (absolute; its directory is created if needed) unless the file
 * already holds exactly that, so an unchanged output keeps its mtime and editors, `tsc --watch`,
 * dev servers and build caches see nothing. The new text goes to a temporary file beside it,
 * renamed into place, so a reader meanwhile sees the old file or the new one, never half of one.
 * No fsync: the rename is what readers need, and a generated file lost to a power cut is
 * generated again. Returns the file's state before writing.
 */
export async function writeFileIfChanged(file: string, content: string): Promise<FileState> {
  const state = await fileState(file, content);
  if (state === 'missing') await mkdir(path.dirname(file), { recursive: true });
  if (state !== 'fresh') await writeFileAtomic(file, content, { encoding: 'utf8', fsync: false });
  return state;
}
