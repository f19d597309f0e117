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
 * carry no IR and are not part of the baseline; when they are all there is, a notice says that
 * the plan creates again what they created. With `before` (the migration `--out` writes),
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
  const earlier = names.filter((name) => before === null || name < before).sort();
  for (const name of [...earlier].reverse()) {
    const file = path.join(directory, name, 'ir.json');
    if (await isFile(file)) return readIrJson(file, cwd, command);
  }
  const shown = displayPath(cwd, directory);
  // Migrations that record no schema: planning from nothing would create again what they made.
  const unrecorded: string[] = [];
  for (const name of earlier) {
    if (name.endsWith('.sql') ? await isFile(path.join(directory, name)) : await isFile(path.join(directory, name, 'up.sql')))
      unrecorded.push(name);
  }
  const notices =
    unrecorded.length === 0
      ? []
      : [
          `${shown} has migrations that record no schema (${unrecorded.join(', ')}: SQL, or planned without ir.json), so this plan starts ` +
            'from the empty schema and creates again what they created: give the schema they lead to with --from (a database URL, or its GraphQL files)',
        ];
  return emptySchemaInput(`the empty schema (no migration in ${shown} has an ir.json)`, notices);
}

function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (found) => found.isFile(),
    () => false,
  );
}
