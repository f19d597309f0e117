import path from 'node:path';
import { declarationFileName, emitModuleDeclarations, type SchemaIR, type SchemaSource } from '@wesley/core';
import type { Artifact } from './artifact.js';

/**
 * The declaration file (`schema.d.graphql.ts`) of the one schema file in `sources`, and the
 * folder it goes in, beside the schema: byte-identical to what `@wesley/unplugin` writes, so the
 * two never fight over it.
 */
export function sidecarArtifact(
  sources: readonly SchemaSource[],
  ir: SchemaIR,
  cwd: string,
): { readonly dir: string; readonly artifact: Artifact } {
  const file = path.resolve(cwd, sources[0]?.name ?? '');
  return { dir: path.dirname(file), artifact: { file: declarationFileName(path.basename(file)), content: emitModuleDeclarations(ir) } };
}
