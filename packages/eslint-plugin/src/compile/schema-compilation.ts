import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Rule, SourceCode } from 'eslint';
import type { CompileResult, SchemaSource } from '@wesley/core';
import { displayPath } from '@wesley/config/files';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { compileSync } from './compile-sync.js';
import { projectConfigSync } from './project-config-sync.js';
import { wesleySettings } from './wesley-settings.js';

/** The compiled schema a linted file belongs to. */
export interface SchemaCompilation {
  /** `null` when the project's config could not be loaded (`configError`). */
  readonly result: CompileResult | null;
  /** The linted file's name as the compiler knows it: a diagnostic is this file's when its `file` is this. */
  readonly file: string;
  /** The project's `wesley.config.*` could not be loaded: nothing was compiled, this says why. */
  readonly configError: { readonly file: string; readonly message: string; readonly help: string } | null;
}

/** Per linted file: every rule on one file in one pass gets the same `SourceCode`. */
const byFile = new WeakMap<SourceCode, SchemaCompilation>();
/** Per schema content: a schema is compiled once however many of its files are linted. */
const byContent = new Map<string, CompileResult>();
/** An editor lints every keystroke's text: keep the last few, not all of them. */
const contentCacheSize = 32;

/**
 * The compiler's result for the schema the file being linted belongs to: the files
 * `settings.wesley.schema` names (relative to ESLint's working directory), else the `schema` of
 * the project's `wesley.config.*` (relative to the config), when they match this one (this file's
 * text as ESLint has it, an editor's unsaved edits included; the others read from disk), else
 * this file alone. Compiled once per schema content (a sha256 of every source and the scalars).
 */
export function schemaCompilation(context: Rule.RuleContext): SchemaCompilation {
  const { sourceCode } = context;
  const cached = byFile.get(sourceCode);
  if (cached !== undefined) return cached;
  const settings = wesleySettings(context);
  const linted = path.resolve(context.physicalFilename);
  const file = displayPath(context.cwd, linted);
  const project = settings.schema === undefined || settings.scalars === undefined ? projectConfigSync(path.dirname(linted)) : null;
  let compilation: SchemaCompilation;
  if (project?.kind === 'error') {
    compilation = { result: null, file, configError: project };
  } else {
    const files =
      settings.schema !== undefined
        ? schemaFiles(settings.schema, context.cwd)
        : project === null
          ? []
          : schemaFiles(project.schema, project.directory);
    const sources: SchemaSource[] = files.includes(linted)
      ? files.map((f) => ({ name: displayPath(context.cwd, f), body: f === linted ? sourceCode.text : readFileSync(f, 'utf8') }))
      : [{ name: file, body: sourceCode.text }];
    compilation = { result: compiled(sources, settings.scalars ?? project?.scalars ?? {}), file, configError: null };
  }
  byFile.set(sourceCode, compilation);
  return compilation;
}

function compiled(sources: readonly SchemaSource[], scalars: Readonly<Record<string, string>>): CompileResult {
  const key = createHash('sha256')
    .update(JSON.stringify([sources, scalars]))
    .digest('hex');
  let result = byContent.get(key);
  if (result === undefined) {
    result = compileSync(sources, { scalars });
    if (byContent.size >= contentCacheSize) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, result);
  }
  return result;
}

/** The absolute paths `patterns` (relative to `base`) name, in the order given, glob matches sorted, each once. */
function schemaFiles(patterns: readonly string[], base: string): string[] {
  const files = patterns.flatMap((pattern) =>
    isDynamicPattern(pattern)
      ? globSync(pattern, { cwd: base, absolute: true, onlyFiles: true, expandDirectories: false })
          .map((match) => path.resolve(match))
          .sort()
      : [path.resolve(base, pattern)],
  );
  return [...new Set(files)];
}
