import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Rule, SourceCode } from 'eslint';
import type { CompileResult, SchemaSource } from '@wesley/core';
import { displayPath } from '@wesley/config/files';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { compileSync } from './compile-sync.js';
import { wesleySettings } from './wesley-settings.js';

/** The compiled schema a linted file belongs to. */
export interface SchemaCompilation {
  readonly result: CompileResult;
  /** The linted file's name as the compiler knows it: a diagnostic is this file's when its `file` is this. */
  readonly file: string;
}

/** Per linted file: every rule on one file in one pass gets the same `SourceCode`. */
const byFile = new WeakMap<SourceCode, SchemaCompilation>();
/** Per schema content: a schema is compiled once however many of its files are linted. */
const byContent = new Map<string, CompileResult>();
/** An editor lints every keystroke's text: keep the last few, not all of them. */
const contentCacheSize = 32;

/**
 * The compiler's result for the schema the file being linted belongs to: the files
 * `settings.wesley.schema` names when it matches this one (this file's text as ESLint has it,
 * an editor's unsaved edits included; the others read from disk), else this file alone.
 * Compiled once per schema content (a sha256 of every source and the scalars).
 */
export function schemaCompilation(context: Rule.RuleContext): SchemaCompilation {
  const { sourceCode } = context;
  const cached = byFile.get(sourceCode);
  if (cached !== undefined) return cached;
  const settings = wesleySettings(context);
  const linted = path.resolve(context.physicalFilename);
  const file = displayPath(context.cwd, linted);
  const files = schemaFiles(settings.schema, context.cwd);
  const sources: SchemaSource[] = files.includes(linted)
    ? files.map((f) => ({ name: displayPath(context.cwd, f), body: f === linted ? sourceCode.text : readFileSync(f, 'utf8') }))
    : [{ name: file, body: sourceCode.text }];
  const key = createHash('sha256')
    .update(JSON.stringify([sources, settings.scalars]))
    .digest('hex');
  let result = byContent.get(key);
  if (result === undefined) {
    result = compileSync(sources, { scalars: settings.scalars });
    if (byContent.size >= contentCacheSize) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, result);
  }
  const compilation = { result, file };
  byFile.set(sourceCode, compilation);
  return compilation;
}

/** The absolute paths `patterns` name, in the order given, glob matches sorted, each once. */
function schemaFiles(patterns: readonly string[], cwd: string): string[] {
  const files = patterns.flatMap((pattern) =>
    isDynamicPattern(pattern)
      ? globSync(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false })
          .map((match) => path.resolve(match))
          .sort()
      : [path.resolve(cwd, pattern)],
  );
  return [...new Set(files)];
}
