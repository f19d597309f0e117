import { compileSchema, loadSqlParser, type CompileOptions, type SchemaIR } from '@wesley/core';
import { loadSchemaSources } from '../schema/index.js';
import { UsageError } from '../usage-error.js';
import { readIrJson } from './read-ir-json.js';
import type { SchemaInput } from './schema-input.js';

/**
 * Whether a `--from` value is meant as a database rather than a file: it starts with a URL scheme
 * (two letters at least, so a Windows drive `C:` is a path) or is a key=value connection string.
 * A mistyped one (`postgress://`, `postgres:/`) is thereby refused as a URL (`checkDatabaseUrl`),
 * never looked up as a file path whose "not found" message would print its password.
 */
export function isDatabaseUrl(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]+:/.test(value) || /^\s*[A-Za-z_]+\s*=/.test(value);
}

const isIrJson = (value: string): boolean => /\.json$/i.test(value);

export interface LoadSchemaInputOptions {
  readonly cwd: string;
  readonly command: string;
  /** The flag the values came from, for messages. */
  readonly flag: string;
  /** Whether an `ir.json` or a database URL may stand for this side. */
  readonly allowIrAndDatabase: boolean;
  /** The database schema to introspect. */
  readonly databaseSchema: string;
  /** What the compiler takes from the config (custom scalars), for schema files. */
  readonly compile?: CompileOptions;
  /** The schema a database will be compared with: its expressions are matched as the server spells them. */
  readonly comparedWith?: SchemaIR | null;
}

/**
 * One side of a plan from its flag values: a database URL, an `ir.json`, or one or more
 * GraphQL schema files and globs (compiled together, as `wesley generate` does).
 *
 * @throws UsageError when the values are missing or mix kinds, or a file does not exist.
 * @throws InvalidDatabaseUrlError when a value that is a URL does not parse (exit 2).
 * @throws PlanInputError when an `ir.json` or the database cannot be used.
 */
export async function loadSchemaInput(values: readonly string[], options: LoadSchemaInputOptions): Promise<SchemaInput> {
  const { cwd, command, flag } = options;
  if (values.length === 0) throw new UsageError(`missing ${flag} <schema file>`, command);
  const special = values.filter((value) => isDatabaseUrl(value) || isIrJson(value));
  if (special.length > 0 && !options.allowIrAndDatabase) {
    throw new UsageError(`${flag} takes GraphQL schema files; an ir.json or a database URL is accepted by --from only`, command);
  }
  const [only] = special;
  if (only !== undefined) {
    if (values.length > 1)
      throw new UsageError(`${flag} takes one database URL or one ir.json, or any number of .graphql files, not a mix`, command);
    if (!isDatabaseUrl(only)) return readIrJson(only, cwd, command);
    // The database driver only when a side is a database: a plan between two schema files or an
    // ir.json loads no `pg` and none of `@wesley/postgres` (about a hundred modules).
    const [{ checkDatabaseUrl }, { readDatabaseSchema }] = await Promise.all([
      import('@wesley/postgres'),
      import('./read-database-schema.js'),
    ]);
    return readDatabaseSchema(checkDatabaseUrl(only, flag), options.databaseSchema, options.comparedWith ?? null);
  }
  const sources = await loadSchemaSources(values, cwd, command);
  await loadSqlParser();
  const { ir, diagnostics } = compileSchema(sources, options.compile ?? {});
  return {
    label: sources.map((source) => source.name).join(', '),
    ir,
    sources,
    diagnostics,
    serverVersion: null,
    notices: [],
  };
}
