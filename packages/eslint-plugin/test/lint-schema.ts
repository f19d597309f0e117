/**
 * ESLint's Node API on schema files written to a temporary directory, with the built plugin
 * (its compile worker runs the built `@wesley/core`: `npm run build` first).
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import wesley from '@wesley/eslint-plugin';

/** Writes `files` (relative path -> text) to a new temporary directory and returns it. */
export async function project(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-eslint-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** `ruleId line:column message` of each message, per file, in ESLint's order. */
export type Lines = Record<string, string[]>;

/** Lints `patterns` in `cwd` with the recommended config plus `extra`, and returns every message as a line. */
export async function lint(cwd: string, patterns: readonly string[], extra: Linter.Config[] = [], fix = false): Promise<Lines> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [wesley.configs.recommended, ...extra], fix });
  const results = await eslint.lintFiles([...patterns]);
  if (fix) await ESLint.outputFixes(results);
  return Object.fromEntries(
    results.map((r) => [path.relative(cwd, r.filePath), r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`)]),
  );
}
