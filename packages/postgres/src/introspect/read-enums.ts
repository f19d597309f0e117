import type { EnumIR } from '@wesley/core';
import { pascalCaseName } from './graphql-name.js';
import type { Queryable } from './queryable.js';

/** Enum types of `schema`, labels in `enumsortorder` (their declared order). */
export async function readEnums(db: Queryable, schema: string): Promise<EnumIR[]> {
  const { rows } = await db.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name,
            array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_catalog.pg_type t
       JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = $1
      GROUP BY t.typname`,
    [schema],
  );
  return rows.map((row) => ({ kind: 'enum', name: row.name, graphqlName: pascalCaseName(row.name), values: row.values }));
}
