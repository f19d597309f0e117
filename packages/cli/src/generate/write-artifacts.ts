import { mkdir } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { Artifact, ArtifactStatus } from './artifact.js';
import { compareArtifacts } from './compare-artifacts.js';

/**
 * Writes the artifacts whose file in `outDir` (absolute, created if needed) is missing or
 * different, and leaves identical files untouched so watchers and build caches see no change.
 * Each file is written to a temporary file beside it and renamed into place, so a dev server or
 * `tsc --watch` reading it meanwhile sees the old file or the new one, never half of one. No
 * fsync: the rename is what readers need, and a generated file lost to a power cut is generated again.
 * Returns each artifact's state before writing.
 */
export async function writeArtifacts(outDir: string, artifacts: readonly Artifact[]): Promise<ArtifactStatus[]> {
  const statuses = await compareArtifacts(outDir, artifacts);
  const changed = statuses.filter((status) => status.state !== 'fresh');
  if (changed.length > 0) await mkdir(outDir, { recursive: true });
  await Promise.all(changed.map((status) => writeFileAtomic(status.path, status.artifact.content, { encoding: 'utf8', fsync: false })));
  return statuses;
}
