import path from 'node:path';
import { fileState } from '@wesley/config/files';
import type { Artifact, ArtifactStatus } from './artifact.js';

/** Compares each artifact with the file of the same name in `outDir` (absolute). Writes nothing. */
export async function compareArtifacts(outDir: string, artifacts: readonly Artifact[]): Promise<ArtifactStatus[]> {
  return Promise.all(
    artifacts.map(async (artifact) => {
      const file = path.join(outDir, artifact.file);
      return { artifact, path: file, state: await fileState(file, artifact.content) };
    }),
  );
}
