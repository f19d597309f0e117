import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Artifact, ArtifactState, ArtifactStatus } from './artifact.js';

/** Compares each artifact with the file of the same name in `outDir` (absolute). Writes nothing. */
export async function compareArtifacts(outDir: string, artifacts: readonly Artifact[]): Promise<ArtifactStatus[]> {
  return Promise.all(
    artifacts.map(async (artifact) => {
      const file = path.join(outDir, artifact.file);
      return { artifact, path: file, state: await stateOf(file, artifact.content) };
    }),
  );
}

async function stateOf(file: string, content: string): Promise<ArtifactState> {
  try {
    return (await readFile(file, 'utf8')) === content ? 'fresh' : 'stale';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}
