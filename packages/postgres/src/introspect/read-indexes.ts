import type { IndexIR } from '@wesley/core';
import type { Queryable } from './queryable.js';
import { tableFilter } from './read-tables.js';

interface IndexRow {
  readonly table: string;
  readonly name: string;
  readonly columns: string[];
  readonly unique: boolean;
  readonly using: string;
  readonly where: string | null;
}

/**
 * Indexes of every table of `schema` that do not back a primary key, unique or exclusion
 * constraint, keyed by table. Columns are the key columns in `indkey` order (INCLUDE columns
 * are not part of the IR); an expression column is its deparsed expression.
 */
export async function readIndexes(db: Queryable, schema: string): Promise<Map<string, IndexIR[]>> {
  const { rows } = await db.query<IndexRow>(
    `SELECT c.relname::text AS table,
            ic.relname::text AS name,
            ARRAY(SELECT CASE WHEN k.attnum = 0
                              THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.position::int, true)
                              ELSE a.attname::text END
                    FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
                    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                   WHERE k.position <= i.indnkeyatts
                   ORDER BY k.position) AS columns,
            i.indisunique AS unique,
            am.amname::text AS using,
            pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS where
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_catalog.pg_am am ON am.oid = ic.relam
       JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE ${tableFilter}
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                         WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                           AND con.contype IN ('p', 'u', 'x'))`,
    [schema],
  );
  const byTable = new Map<string, IndexIR[]>();
  for (const row of rows) {
    const list = byTable.get(row.table) ?? [];
    list.push({ kind: 'index', name: row.name, columns: row.columns, unique: row.unique, using: row.using, where: row.where });
    byTable.set(row.table, list);
  }
  return byTable;
}
