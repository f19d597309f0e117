import path from 'node:path';
import { writeFileIfChanged } from '@wesley/config/files';
import type { Artifact, ArtifactStatus } from './artifact.js';

/**
 * Writes the artifacts whose file in `outDir` (absolute, created if needed) is missing or
 * different, and leaves identical files untouched so watchers and build caches see no change;
 * each through `writeFileIfChanged` (a temporary file renamed into place, so a dev server or
 * `tsc --watch` reading it meanwhile sees the old file or the new one, never half of one).
 * Returns each artifact's state before writing.
 */
export async function writeArtifacts(outDir: string, artifacts: readonly Artifact[]): Promise<ArtifactStatus[]> {
  return Promise.all(
    artifacts.map(async (artifact) => {
      const file = path.join(outDir, artifact.file);
      return { artifact, path: file, state: await writeFileIfChanged(file, artifact.content) };
    }),
  );
}
