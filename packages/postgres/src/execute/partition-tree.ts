import { partitionTreeSql, quoteIdent } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';

/** One relation of a table's partition tree, as the catalog lists it when the step runs. */
export interface TreeNode {
  /** `schema.name`, quoted: how the statements and the cursor name it. */
  readonly relation: string;
  readonly schema: string;
  readonly name: string;
  /** `relation` of its parent; `null` for the table itself. */
  readonly parent: string | null;
  /** It is itself partitioned (holds no rows). */
  readonly partitioned: boolean;
}

/**
 * The table a plan names (`table`, unqualified, through the `search_path`) and its partitions,
 * parents before their partitions, each level in schema and name order; none when there is no
 * such table. Partitions are followed by oid (core's `partitionTreeSql`: pg_inherits, no lock on
 * any of them), so one in another schema or with a name that needs quoting is found like any.
 */
export async function partitionTree(session: Connection, table: string): Promise<TreeNode[]> {
  const { rows } = await session.query<{
    schema: string;
    name: string;
    parent_schema: string | null;
    parent_name: string | null;
    partitioned: boolean;
  }>(
    `SELECT n.nspname::text AS schema, c.relname::text AS name, pn.nspname::text AS parent_schema, p.relname::text AS parent_name,
            NOT t.isleaf AS partitioned
       FROM ${partitionTreeSql('pg_catalog.to_regclass($1)')} AS t
       JOIN pg_catalog.pg_class c ON c.oid = t.relid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_class p ON p.oid = t.parentrelid
       LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
      ORDER BY t.level, n.nspname, c.relname`,
    [quoteIdent(table)],
  );
  return rows.map((row) => ({
    relation: qualifiedName(row.schema, row.name),
    schema: row.schema,
    name: row.name,
    parent: row.parent_schema === null || row.parent_name === null ? null : qualifiedName(row.parent_schema, row.parent_name),
    partitioned: row.partitioned,
  }));
}

/** `schema.name`, each quoted where it needs to be. */
export const qualifiedName = (schema: string, name: string): string => `${quoteIdent(schema)}.${quoteIdent(name)}`;
