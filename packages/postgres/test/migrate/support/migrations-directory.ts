import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileSchema, planMigration, stableStringify, type Plan, type SchemaIR } from '@wesley/core';
import type { Connection } from '../../../src/connect/connect.js';

/**
 * A temporary migrations directory holding `files` (relative path -> contents; a plan goes in
 * `<name>/plan.json`). Returns its path.
 */
export async function migrationsDirectory(files: Readonly<Record<string, string>>): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'wesley-migrations-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, name)), { recursive: true });
    await writeFile(path.join(directory, name), text);
  }
  return directory;
}

/** Compiles SDL, failing the test on any error. */
export function compile(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'schema.graphql', body });
  if (ir === null) throw new Error(JSON.stringify(diagnostics));
  return ir;
}

/** The plan from `from` to `to` for the server `session` is on, as `plan.json` text, with the plan. */
export async function planFile(session: Connection, from: SchemaIR, to: SchemaIR): Promise<{ plan: Plan; json: string }> {
  const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
  const { plan, diagnostics } = planMigration(from, to, { serverVersion: Number(rows[0]?.v) });
  if (plan === null) throw new Error(`no plan: ${JSON.stringify(diagnostics)}`);
  return { plan, json: stableStringify(plan, 2) };
}
