import type { CheckIR, ForeignKeyIR, PrimaryKeyIR, ReferentialAction, UniqueIR } from '@wesley/core';
import type { Queryable } from './queryable.js';
import { tableFilter } from './read-tables.js';

interface ConstraintRow {
  readonly table: string;
  readonly name: string;
  readonly type: 'p' | 'u' | 'f' | 'c';
  readonly columns: string[];
  readonly ref_table: string | null;
  readonly ref_columns: string[];
  readonly on_delete: string;
  readonly on_update: string;
  readonly deferrable: boolean;
  readonly initially_deferred: boolean;
  readonly definition: string;
}

/** The constraints of one table, in the IR's shapes (not yet sorted). */
export interface TableConstraints {
  primaryKey: PrimaryKeyIR | null;
  readonly uniques: UniqueIR[];
  readonly foreignKeys: ForeignKeyIR[];
  readonly checks: CheckIR[];
}

/** `confdeltype` / `confupdtype` codes. */
const actions: Readonly<Record<string, ReferentialAction>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/**
 * Primary keys, unique constraints, foreign keys and CHECKs of every table of `schema`, keyed by
 * table; columns in constraint key order (`conkey` / `confkey`). Left out: NOT NULL constraints
 * (PostgreSQL 18 stores them as contype `n`; nullability is on the column), exclusion and
 * trigger constraints, and the copies PostgreSQL makes of a foreign key for each partition of
 * the table it references (`conparentid <> 0`).
 */
export async function readConstraints(db: Queryable, schema: string): Promise<Map<string, TableConstraints>> {
  const { rows } = await db.query<ConstraintRow>(
    `SELECT c.relname::text AS table,
            con.conname::text AS name,
            con.contype::text AS type,
            ARRAY(SELECT a.attname::text
                    FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                   ORDER BY k.position) AS columns,
            ref.relname::text AS ref_table,
            ARRAY(SELECT a.attname::text
                    FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                   ORDER BY k.position) AS ref_columns,
            con.confdeltype::text AS on_delete,
            con.confupdtype::text AS on_update,
            con.condeferrable AS deferrable,
            con.condeferred AS initially_deferred,
            pg_catalog.pg_get_constraintdef(con.oid) AS definition
       FROM pg_catalog.pg_constraint con
       JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_class ref ON ref.oid = con.confrelid
      WHERE ${tableFilter} AND con.contype IN ('p', 'u', 'f', 'c') AND con.conparentid = 0`,
    [schema],
  );
  const byTable = new Map<string, TableConstraints>();
  for (const row of rows) {
    let entry = byTable.get(row.table);
    if (entry === undefined) {
      entry = { primaryKey: null, uniques: [], foreignKeys: [], checks: [] };
      byTable.set(row.table, entry);
    }
    switch (row.type) {
      case 'p':
        entry.primaryKey = { kind: 'primaryKey', name: row.name, columns: row.columns };
        break;
      case 'u':
        entry.uniques.push({ kind: 'unique', name: row.name, columns: row.columns });
        break;
      case 'f':
        entry.foreignKeys.push({
          kind: 'foreignKey',
          name: row.name,
          columns: row.columns,
          refTable: row.ref_table ?? '',
          refColumns: row.ref_columns,
          onDelete: action(row.on_delete),
          onUpdate: action(row.on_update),
          deferrable: row.deferrable,
          initiallyDeferred: row.initially_deferred,
        });
        break;
      case 'c':
        entry.checks.push({ kind: 'check', name: row.name, expr: checkExpression(row.definition) });
        break;
    }
  }
  return byTable;
}

function action(code: string): ReferentialAction {
  const found = actions[code];
  if (found === undefined) throw new Error(`unknown referential action code "${code}" in pg_constraint`);
  return found;
}

/**
 * The expression inside `CHECK (...)` of a `pg_get_constraintdef()` text, which may go on with
 * `NOT VALID` or `NO INHERIT`: the parenthesis that closes the one after `CHECK` is found by
 * counting, skipping quoted text.
 */
export function checkExpression(definition: string): string {
  const open = definition.indexOf('(');
  let depth = 0;
  for (let i = open; i < definition.length; i++) {
    const ch = definition[i];
    if (ch === "'" || ch === '"') {
      i = definition.indexOf(ch, i + 1);
      // A doubled quote inside the literal is just two adjacent literals for this purpose.
      if (i < 0) break;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return definition.slice(open + 1, i);
  }
  return definition;
}
