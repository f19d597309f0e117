import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '@wesley/config/files';
import { emptySchemaInput } from './empty-schema-input.js';
import { readIrJson } from './read-ir-json.js';
import type { SchemaInput } from './schema-input.js';

/**
 * The schema the migrations of `directory` lead to, the `--from` of `wesley plan --config`: the
 * `ir.json` of the last migration directory (by name) that holds one — `wesley plan --config
 * --out` writes it beside `plan.json` — or the empty schema when none does. SQL-file migrations
 * carry no IR and are not part of the baseline. With `before` (the migration `--out` writes),
 * only the directories sorting before it count: planning into an existing migration plans it
 * again from where the migrations before it lead (a plan refused for its server version, or the
 * later of two parallel plans, WES170 and WES172).
 *
 * @throws PlanInputError when that `ir.json` is not a Wesley IR.
 */
export async function baselineInput(directory: string, cwd: string, command: string, before: string | null = null): Promise<SchemaInput> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  for (const name of names.sort().reverse()) {
    if (before !== null && name >= before) continue;
    const file = path.join(directory, name, 'ir.json');
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (found) return readIrJson(file, cwd, command);
  }
  return emptySchemaInput(`the empty schema (no migration in ${displayPath(cwd, directory)} has an ir.json)`);
}
