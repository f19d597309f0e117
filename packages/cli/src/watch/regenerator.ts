import path from 'node:path';
import { compileSchema, hasErrors, loadSqlParser, type CompileOptions, type Diagnostic, type SchemaSource } from '@wesley/core';
import { renderArtifacts, sidecarArtifact, writeArtifacts, type Artifact, type ArtifactStatus } from '../generate/index.js';
import { loadSchemaSources } from '../schema/index.js';
import { UsageError } from '../usage-error.js';

/** What one regeneration did. */
export type Regeneration =
  /** The schema files read exactly as at the previous attempt: nothing to do. */
  | { readonly kind: 'unchanged' }
  /** The schema files could not be read (one was removed, a glob matches nothing). */
  | { readonly kind: 'unreadable'; readonly message: string }
  /** The schema has errors (or warnings under `strict`): nothing written. */
  | { readonly kind: 'invalid'; readonly sources: readonly SchemaSource[]; readonly diagnostics: readonly Diagnostic[] }
  /** Written: `statuses` say which files changed; `diagnostics` holds the warnings. */
  | {
      readonly kind: 'written';
      readonly sources: readonly SchemaSource[];
      readonly diagnostics: readonly Diagnostic[];
      readonly statuses: readonly ArtifactStatus[];
    };

export interface RegeneratorOptions {
  readonly patterns: readonly string[];
  readonly cwd: string;
  /** Absolute output directory. */
  readonly outDir: string;
  readonly strict: boolean;
  /** Also write the declaration file beside the (single) schema file, as `generate --dts` does. */
  readonly dts: boolean;
  /** What the compiler takes from the config (custom scalars). */
  readonly compile: CompileOptions;
  /** Told the absolute paths of the files about to be written, before they are written. */
  readonly beforeWrite: (files: readonly string[]) => void;
}

/**
 * `wesley generate` as a repeatable step: each call reads the schema files again (globs
 * included), compiles them and writes the files whose content changed. Output is written only
 * from a whole, valid compile, so an invalid save leaves the last good output as it was. A call
 * that reads the same files with the same text as the previous one does nothing, so a save that
 * changes nothing, or an event for some other file in a watched directory, costs one read.
 */
export function regenerator(options: RegeneratorOptions): () => Promise<Regeneration> {
  let previous: readonly SchemaSource[] | null = null;
  return async () => {
    let sources: SchemaSource[];
    try {
      sources = await loadSchemaSources(options.patterns, options.cwd, 'watch');
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      previous = null;
      return { kind: 'unreadable', message: error.message };
    }
    if (previous !== null && sameSources(previous, sources)) return { kind: 'unchanged' };
    await loadSqlParser();
    const { ir, diagnostics } = compileSchema(sources, options.compile);
    if (ir === null || hasErrors(diagnostics, options.strict)) {
      previous = sources;
      return { kind: 'invalid', sources, diagnostics };
    }
    if (options.dts && sources.length !== 1) {
      previous = null;
      return { kind: 'unreadable', message: `--dts needs exactly one schema file, got ${sources.length}` };
    }
    const outputs: [string, Artifact[]][] = [[options.outDir, renderArtifacts(ir)]];
    if (options.dts) {
      const sidecar = sidecarArtifact(sources, ir, options.cwd);
      outputs.push([sidecar.dir, [sidecar.artifact]]);
    }
    options.beforeWrite(outputs.flatMap(([dir, artifacts]) => artifacts.map((artifact) => path.join(dir, artifact.file))));
    const statuses = (await Promise.all(outputs.map(([dir, artifacts]) => writeArtifacts(dir, artifacts)))).flat();
    // Only now: a failed write is tried again on the next event, even for the same text.
    previous = sources;
    return { kind: 'written', sources, diagnostics, statuses };
  };
}

function sameSources(a: readonly SchemaSource[], b: readonly SchemaSource[]): boolean {
  return a.length === b.length && a.every((source, i) => source.name === b[i]?.name && source.body === b[i]?.body);
}
