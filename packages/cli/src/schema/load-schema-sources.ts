import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaSource } from '@wesley/core';
import { glob, isDynamicPattern } from 'tinyglobby';
import { displayPath } from '@wesley/config/files';
import { UsageError } from '../usage-error.js';

/**
 * Reads the schema files named by `patterns` (paths or globs, relative to `cwd`), in the order
 * given, glob matches sorted, each file once. A source's `name` is its path relative to `cwd`
 * with `/` separators: that is what diagnostics print.
 *
 * @throws UsageError when a path does not exist, is a directory, or a glob matches nothing.
 */
export async function loadSchemaSources(patterns: readonly string[], cwd: string, command: string): Promise<SchemaSource[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) throw new UsageError(`no schema file matches '${pattern}'`, command);
      files.push(...matches.map((match) => path.resolve(match)).sort());
    } else {
      files.push(path.resolve(cwd, pattern));
    }
  }
  const unique = [...new Set(files)];
  return Promise.all(unique.map(async (file) => ({ name: displayPath(cwd, file), body: await readSchema(file, cwd, command) })));
}

async function readSchema(file: string, cwd: string, command: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const shown = displayPath(cwd, file);
    if (code === 'ENOENT') throw new UsageError(`schema file not found: ${shown}`, command);
    if (code === 'EISDIR') {
      // The glob as the user would type it here: `./**` for the current directory, not its full path.
      const base = path.relative(cwd, file) === '' ? '.' : shown;
      throw new UsageError(`${shown} is a directory; pass a glob such as '${base}/**/*.graphql'`, command);
    }
    throw new UsageError(`cannot read schema file ${shown}: ${(error as Error).message}`, command);
  }
}
