import type { FileState } from '@wesley/config/files';

/** One generated file: its name inside the output directory and its full text. */
export interface Artifact {
  readonly file: string;
  readonly content: string;
}

/** How a generated file on disk compares with what the schema produces now. */
export type ArtifactState = FileState;

export interface ArtifactStatus {
  readonly artifact: Artifact;
  /** Absolute path on disk. */
  readonly path: string;
  readonly state: ArtifactState;
}
