import { emitDdl, emitTypeScript, emitZod, type SchemaIR } from '@wesley/core';
import { nodeSha256 } from '../node-sha256.js';
import type { Artifact } from './artifact.js';
import { formatIrJsonAndHash } from './format-ir-json.js';

/**
 * Everything `wesley generate` writes for `ir`, in a fixed order. The TypeScript and Zod headers
 * name the IR's hash, so a generated file says which schema it came from.
 */
export function renderArtifacts(ir: SchemaIR): Artifact[] {
  const { json, irHash } = formatIrJsonAndHash(ir, nodeSha256);
  return [
    { file: 'schema.sql', content: emitDdl(ir) },
    { file: 'types.ts', content: emitTypeScript(ir, { irHash }) },
    { file: 'zod.ts', content: emitZod(ir, { irHash }) },
    { file: 'ir.json', content: json },
  ];
}
