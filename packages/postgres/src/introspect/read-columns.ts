import { columnType, parseColumnType, type ColumnIR, type ColumnTypeIR } from '@wesley/core';
import { camelCaseName } from './graphql-name.js';
import { parseDefault } from './parse-default.js';
import type { Queryable } from './queryable.js';
import { tableFilter } from './read-tables.js';

interface ColumnRow {
  readonly table: string;
  readonly name: string;
  readonly type: string;
  readonly not_null: boolean;
  readonly generated: string;
  readonly default_sql: string | null;
}

/** Columns of every table of `schema` in `attnum` order (dropped ones skipped), keyed by table. */
export async function readColumns(db: Queryable, schema: string, enums: ReadonlySet<string>): Promise<Map<string, ColumnIR[]>> {
  const { rows } = await db.query<ColumnRow>(
    `SELECT c.relname::text AS table,
            a.attname::text AS name,
            pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null,
            a.attgenerated::text AS generated,
            pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_sql
       FROM pg_catalog.pg_attribute a
       JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE ${tableFilter} AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const byTable = new Map<string, ColumnIR[]>();
  for (const row of rows) {
    const list = byTable.get(row.table) ?? [];
    list.push(toColumn(row, enums));
    byTable.set(row.table, list);
  }
  return byTable;
}

function toColumn(row: ColumnRow, enums: ReadonlySet<string>): ColumnIR {
  // attgenerated: '' for a plain column, 's' stored, 'v' virtual (PostgreSQL 18); the
  // generation expression is stored where a default would be.
  const generated = row.generated !== '' ? row.default_sql : null;
  return {
    kind: 'column',
    name: row.name,
    graphqlName: camelCaseName(row.name),
    type: typeOf(row.type, enums),
    nullable: !row.not_null,
    default: generated === null && row.default_sql !== null ? parseDefault(row.default_sql) : null,
    // What a derived column aggregates is in its functions and triggers, not in the column: read-derived.ts reads it there.
    derived: null,
    generated,
    meta: { renamedFrom: null, uid: null, pii: false, sensitive: false, weight: null, critical: false, rules: null },
  };
}

/**
 * `format_type()` text as the IR's type. Types core's parser does not read (a type from
 * another schema prints qualified, `other.t`) are kept whole as an opaque base name.
 */
function typeOf(text: string, enums: ReadonlySet<string>): ColumnTypeIR {
  const parsed = parseColumnType(text, enums);
  if (parsed !== null) return parsed;
  const array = text.endsWith('[]');
  const base = array ? text.slice(0, -2) : text;
  return { ...columnType(base, [], array, null), sql: text };
}
