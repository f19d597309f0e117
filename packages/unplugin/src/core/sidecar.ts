import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { declarationFileName } from '@wesley/core';

/**
 * The declaration file TypeScript reads for `file` under `allowArbitraryExtensions`:
 * `schema.graphql` -> `schema.d.graphql.ts` in the same folder.
 */
export function sidecarPath(file: string): string {
  return path.join(path.dirname(file), declarationFileName(path.basename(file)));
}

/**
 * Writes `content` to `file` unless the file already holds exactly that, so an unchanged
 * schema leaves the sidecar's mtime alone and editors, `tsc --watch` and watchers see nothing.
 */
export async function writeSidecar(file: string, content: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (current !== content) await writeFile(file, content, 'utf8');
}
