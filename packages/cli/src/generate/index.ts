export type { Artifact, ArtifactState, ArtifactStatus } from './artifact.js';
export { renderArtifacts } from './render-artifacts.js';
export { formatIrJson } from './format-ir-json.js';
export { compareArtifacts } from './compare-artifacts.js';
export { writeArtifacts } from './write-artifacts.js';
export { sidecarArtifact } from './sidecar-artifact.js';
