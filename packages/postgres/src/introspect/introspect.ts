import { quoteIdent, type SchemaIR, type TableIR } from '@wesley/core';
import { pascalCaseName } from './graphql-name.js';
import type { Queryable } from './queryable.js';
import { readColumns } from './read-columns.js';
import { readConstraints } from './read-constraints.js';
import { readDerived } from './read-derived.js';
import { readEnums } from './read-enums.js';
import { readIndexes } from './read-indexes.js';
import { readPartitions } from './read-partitions.js';
import { readSecurity } from './read-security.js';
import { readTableNames } from './read-tables.js';

export interface IntrospectOptions {
  /** The schema to read (default `public`). */
  readonly schema?: string;
}

/**
 * Reads the tables and enum types of one schema of a live database from `pg_catalog` into the
 * IR, so that it compares with a compiled schema. What PostgreSQL does not store gets neutral
 * values: GraphQL names are the PascalCase / camelCase of the SQL names, relations are empty,
 * metadata is null or false.
 *
 * Runs in its own read-only REPEATABLE READ transaction (one consistent snapshot), with
 * `search_path` set to the schema so that types and expressions print unqualified: call it on
 * a connection that is not inside a transaction.
 */
export async function introspect(db: Queryable, options: IntrospectOptions = {}): Promise<SchemaIR> {
  const schema = options.schema ?? 'public';
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await db.query(`SELECT pg_catalog.set_config('search_path', $1, true)`, [quoteIdent(schema)]);
    const ir = await readSchema(db, schema);
    await db.query('COMMIT');
    return ir;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * The catalog reads of {@link introspect}, in whatever transaction `db` is in; `search_path`
 * decides how types and functions print.
 */
export async function readSchema(db: Queryable, schema: string): Promise<SchemaIR> {
  const enums = await readEnums(db, schema);
  const names = await readTableNames(db, schema);
  const columns = await readColumns(db, schema, new Set(enums.map((e) => e.name)));
  const constraints = await readConstraints(db, schema);
  const indexes = await readIndexes(db, schema);
  const partitions = await readPartitions(db, schema);
  const security = await readSecurity(db, schema);
  const tables = names.map((name): TableIR => {
    const own = constraints.get(name);
    return {
      kind: 'table',
      name,
      graphqlName: pascalCaseName(name),
      columns: columns.get(name) ?? [],
      primaryKey: own?.primaryKey ?? null,
      uniques: byName(own?.uniques ?? []),
      foreignKeys: byName(own?.foreignKeys ?? []),
      checks: byName(own?.checks ?? []),
      indexes: byName(indexes.get(name) ?? []),
      partition: partitions.get(name) ?? null,
      relations: [],
      security: security.get(name) ?? null,
      meta: { renamedFrom: null, uid: null, weight: null, critical: false },
    };
  });
  return { kind: 'schema', version: 1, enums: byName(enums), tables: byName(await readDerived(db, schema, tables)) };
}

/** Sorted by `name` in code-unit order (locale-independent, like the IR's other sorts). */
function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
