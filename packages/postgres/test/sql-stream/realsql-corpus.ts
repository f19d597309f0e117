import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One statement of psql's own split of a realsql file (`NN.statements.json`). */
export interface ReferenceStatement {
  readonly sql: string;
  readonly tag: string;
  /** COPY data as psql 15 sent it: bytes and lines, the `\.` line included. */
  readonly copy?: { readonly bytes: number; readonly lines: number };
}

export interface Reference {
  readonly file: string;
  readonly sha256: string;
  readonly statements: readonly ReferenceStatement[];
}

/** The six pg_dump files of `../shared/realsql/` (its README.md describes them). */
export const realsqlFiles = [
  '01-danbooru.sql',
  '04-gitlab-container-registry.sql',
  '05-gisia.sql',
  '08-sanbase2.sql',
  '09-pagila-schema.sql',
  '10-pagila-full-2024.sql',
] as const;

/** The corpus directory: WESLEY_REALSQL_DIR, else `../shared/realsql` beside the repository. */
const directory = process.env.WESLEY_REALSQL_DIR ?? fileURLToPath(new URL('../../../../../shared/realsql/', import.meta.url));

/** Path of a corpus file; throws a clear error when the corpus is missing (never skips). */
export function realsqlPath(name: string): string {
  const file = path.join(directory, name);
  if (!existsSync(file)) {
    throw new Error(`realsql corpus file ${file} not found: the tests read ../shared/realsql/ in place (or set WESLEY_REALSQL_DIR)`);
  }
  return file;
}

/** psql's split of `name`. */
export function realsqlReference(name: string): Reference {
  return JSON.parse(readFileSync(realsqlPath(name.replace(/\.sql$/, '.statements.json')), 'utf8')) as Reference;
}
