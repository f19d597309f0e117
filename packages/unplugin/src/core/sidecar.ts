import path from 'node:path';
import { declarationFileName } from '@wesley/core';

/**
 * The declaration file TypeScript reads for `file` under `allowArbitraryExtensions`:
 * `schema.graphql` -> `schema.d.graphql.ts` in the same folder.
 */
export function sidecarPath(file: string): string {
  return path.join(path.dirname(file), declarationFileName(path.basename(file)));
}
