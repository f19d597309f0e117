import { derivedColumnParts, derivedColumnSql, type DerivedColumnParts } from '../ddl/derived-column-sql.js';
import type { SchemaIR } from '../ir/types.js';
import type { AlterDerivedChange, Change } from './change.js';
import { impact } from './impact.js';
import type { Renames } from './translate-names.js';

/** A derived column of one schema with the SQL that keeps it. */
interface Kept {
  readonly parts: DerivedColumnParts;
  readonly sql: string;
}

/**
 * The derived columns whose triggers and functions differ between two schemas. Compared by
 * their SQL, not by their `@wes_derived` arguments: the functions name the parent, the child and
 * their columns in their bodies (PostgreSQL stores a body as text, and resolves its names when it
 * runs), so a rename of any of them, or a new column type, needs new functions as surely as a new
 * `fn` does; the SQL is what introspection reads back too, so a live database whose functions
 * were edited or dropped diffs against the schema here. Keyed by target names, the old side
 * through the diff's renames; a column dropped, or in a dropped table, keeps its old names.
 */
export function diffDerived(from: SchemaIR, to: SchemaIR, renames: Renames): Change[] {
  const before = new Map<string, Kept & { readonly table: string; readonly column: string; readonly child: string }>();
  for (const table of from.tables) {
    for (const column of table.columns) {
      const parts = derivedColumnParts(from, table, column);
      if (parts === null) continue;
      const newTable = renames.tables.get(table.name) ?? table.name;
      const newColumn = renames.columns.get(table.name)?.get(column.name) ?? column.name;
      const child = renames.tables.get(parts.child.name) ?? parts.child.name;
      before.set(key(newTable, newColumn), { parts, sql: sqlOf(parts), table: table.name, column: column.name, child });
    }
  }
  const after = new Map<string, Kept>();
  for (const table of to.tables) {
    for (const column of table.columns) {
      const parts = derivedColumnParts(to, table, column);
      if (parts !== null) after.set(key(table.name, column.name), { parts, sql: sqlOf(parts) });
    }
  }
  const changes: Change[] = [];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = before.get(name);
    const now = after.get(name);
    const dropFirst = old !== undefined && mustGoFirst(old.parts, to, renames);
    if (old !== undefined && now !== undefined && old.sql === now.sql && !dropFirst) continue;
    const [table = '', column = ''] = name.split('\u0000');
    changes.push({
      kind: 'alterDerived',
      table,
      column,
      before: old === undefined ? null : { table: old.table, column: old.column, child: old.child },
      derived: now !== undefined,
      dropFirst,
      impact: derivedImpact(`${table}.${column}`, old !== undefined, now, survives(renames, table, column)),
    });
  }
  return changes;
}

/**
 * Whether the old functions and triggers of `parts` must go before the diff's other changes run:
 * it renames a table or column their bodies name (the parent, the column, the parent's key, the
 * child, its key, the aggregated column), or changes the type of a column the row trigger watches
 * (`UPDATE OF` the child's key and aggregated column), which `ALTER COLUMN ... TYPE` refuses.
 */
function mustGoFirst(parts: DerivedColumnParts, to: SchemaIR, renames: Renames): boolean {
  const { parent, column, parentKey, child, childKey, derived } = parts;
  const watched = [childKey, ...(derived.column === null ? [] : [derived.column])];
  const named: (readonly [string, string])[] = [
    [parent.name, column.name],
    [parent.name, parentKey.name],
    ...watched.map((name) => [child.name, name] as const),
  ];
  const renamed = named.some(([table, name]) => {
    const newTable = renames.tables.get(table);
    const newName = renames.columns.get(table)?.get(name);
    return (newTable !== undefined && newTable !== table) || (newName !== undefined && newName !== name);
  });
  if (renamed) return true;
  const newChild = to.tables.find((t) => t.name === renames.tables.get(child.name));
  return watched.some((name) => {
    const before = child.columns.find((c) => c.name === name);
    const after = newChild?.columns.find((c) => c.name === renames.columns.get(child.name)?.get(name));
    return before !== undefined && after !== undefined && before.type.sql !== after.type.sql;
  });
}

const key = (table: string, column: string) => `${table}\u0000${column}`;
const sqlOf = (parts: DerivedColumnParts) => derivedColumnSql(parts).join('\n');

/** Whether target column `table.column` continues a column of the old schema (renamed or not). */
function survives(renames: Renames, table: string, column: string): boolean {
  for (const [oldTable, newTable] of renames.tables) {
    if (newTable === table && [...(renames.columns.get(oldTable)?.values() ?? [])].includes(column)) return true;
  }
  return false;
}

function derivedImpact(name: string, wasDerived: boolean, now: Kept | undefined, plainBefore: boolean): AlterDerivedChange['impact'] {
  if (now === undefined) return impact('dangerous', 'safe', `${name} is no longer kept by triggers: it keeps the values it has`);
  const over = `${now.parts.derived.fn} over ${now.parts.child.name}`;
  if (wasDerived)
    return impact('dangerous', 'safe', `the triggers that keep ${name} (${over}) are replaced, and its values computed again`);
  if (plainBefore) {
    return impact('dangerous', 'dangerous', `${name} is kept by triggers (${over}) from now on: the values written to it are replaced`);
  }
  return impact('safe', 'safe', `${name} is kept by triggers (${over})`);
}
