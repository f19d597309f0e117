import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readFileChunks } from '../sql-stream/read-file-chunks.js';

/** One migration of a migrations directory, in apply order. */
export interface MigrationFile {
  /** The file or directory name: the migration's identity in the ledger. */
  readonly name: string;
  /** `plan`: a `wesley plan --out` directory (its `plan.json` runs); `sql`: a SQL file, streamed. */
  readonly kind: 'plan' | 'sql';
  /** The file that runs: `<dir>/plan.json`, `<dir>/up.sql`, or the `.sql` file itself. */
  readonly path: string;
  /** `sha256:` + hex of that file's bytes; an applied migration whose checksum changes is an error. */
  readonly checksum: string;
}

/**
 * The migrations of `directory`, sorted by name: every `*.sql` file, and every sub-directory
 * holding a `plan.json` (a planned migration) or else an `up.sql`. Other entries are ignored, so
 * a README can sit beside them. A missing directory has no migrations.
 */
export async function listMigrationFiles(directory: string): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: { name: string; kind: 'plan' | 'sql'; path: string }[] = [];
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    // A symlinked migration is what it points to (psql -f follows links too); a dangling one is ignored.
    const target = entry.isSymbolicLink() ? await stat(full).catch(() => null) : entry;
    if (target === null) continue;
    if (target.isFile() && entry.name.endsWith('.sql')) {
      found.push({ name: entry.name, kind: 'sql', path: full });
    } else if (target.isDirectory()) {
      const plan = path.join(full, 'plan.json');
      const up = path.join(full, 'up.sql');
      if (await isFile(plan)) found.push({ name: entry.name, kind: 'plan', path: plan });
      else if (await isFile(up)) found.push({ name: entry.name, kind: 'sql', path: up });
    }
  }
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Promise.all(found.map(async (file) => ({ ...file, checksum: await fileChecksum(file.path) })));
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** sha256 of a file, read through one reused buffer ({@link readFileChunks}): migration files can be hundreds of megabytes. */
export async function fileChecksum(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of readFileChunks(file)) hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}
