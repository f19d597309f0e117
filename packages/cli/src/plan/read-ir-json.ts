import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaIR } from '@wesley/core';
import { displayPath } from '@wesley/config/files';
import { UsageError } from '../usage-error.js';
import { PlanInputError } from './plan-input-error.js';
import type { SchemaInput } from './schema-input.js';

const regenerate = 'pass an ir.json written by `wesley generate` (or the .graphql files it came from)';

/**
 * Reads an `ir.json` as `wesley generate` writes it, checking that it is a Wesley IR of the
 * version this build understands before the planner trusts its shape.
 *
 * @throws UsageError when the file does not exist or cannot be read.
 * @throws PlanInputError when it is not JSON or not a version 1 IR.
 */
export async function readIrJson(file: string, cwd: string, command: string): Promise<SchemaInput> {
  const absolute = path.resolve(cwd, file);
  const shown = displayPath(cwd, absolute);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`file not found: ${shown}`, command);
    throw new UsageError(`cannot read ${shown}: ${(error as Error).message}`, command);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PlanInputError(`${shown} is not valid JSON: ${(error as Error).message}`, regenerate);
  }
  return { label: shown, ir: checkIr(value, shown), sources: [], diagnostics: [], serverVersion: null, notices: [] };
}

function checkIr(value: unknown, shown: string): SchemaIR {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (record?.['kind'] !== 'schema') {
    throw new PlanInputError(`${shown} is not a Wesley schema IR: expected "kind": "schema" at the top level`, regenerate);
  }
  if (record['version'] !== 1) {
    throw new PlanInputError(
      `${shown} is schema IR version ${JSON.stringify(record['version'])}; this wesley reads version 1`,
      'write it again with this version of `wesley generate`',
    );
  }
  if (!Array.isArray(record['tables']) || !Array.isArray(record['enums'])) {
    throw new PlanInputError(`${shown} is damaged: "tables" and "enums" must be arrays`, regenerate);
  }
  // An ir.json written before row-level security has no `security` key on its tables: it had none;
  // one written before derived columns has no `derived` key on its columns: none was derived.
  const tables = (record['tables'] as Record<string, unknown>[]).map((table) => {
    const columns = Array.isArray(table['columns'])
      ? (table['columns'] as Record<string, unknown>[]).map((column) => ('derived' in column ? column : { ...column, derived: null }))
      : table['columns'];
    return 'security' in table ? { ...table, columns } : { ...table, columns, security: null };
  });
  return { ...(value as SchemaIR), tables: tables as unknown as SchemaIR['tables'] };
}
