import { mkdir, writeFile } from 'node:fs/promises';
import type { Artifact, ArtifactStatus } from './artifact.js';
import { compareArtifacts } from './compare-artifacts.js';

/**
 * Writes the artifacts whose file in `outDir` (absolute, created if needed) is missing or
 * different, and leaves identical files untouched so watchers and build caches see no change.
 * Returns each artifact's state before writing.
 */
export async function writeArtifacts(outDir: string, artifacts: readonly Artifact[]): Promise<ArtifactStatus[]> {
  const statuses = await compareArtifacts(outDir, artifacts);
  const changed = statuses.filter((status) => status.state !== 'fresh');
  if (changed.length > 0) await mkdir(outDir, { recursive: true });
  await Promise.all(changed.map((status) => writeFile(status.path, status.artifact.content, 'utf8')));
  return statuses;
}
