import type { ColumnIR, TableIR } from '../ir/types.js';
import type { Change } from './change.js';
import { impact } from './impact.js';
import { shadowingRename } from './match-renames.js';
import { sameDefault, sameExpression } from './same-definition.js';
import { classifyTypeChange } from './type-change.js';

/**
 * Column changes between two versions of one table, `from` already translated to new names.
 * A type change that needs a shadow column carries both definitions whole (default and
 * nullability included), so no separate default or NOT NULL change is emitted for it.
 */
export function diffColumns(from: TableIR, to: TableIR): Change[] {
  const table = to.name;
  const changes: Change[] = [];
  const oldColumns = new Map(from.columns.map((c) => [c.name, c]));
  for (const column of to.columns) {
    const old = oldColumns.get(column.name);
    if (old === undefined) {
      changes.push({ kind: 'addColumn', table, column, impact: addColumnImpact(column) });
    } else {
      changes.push(...diffColumn(to, old, column));
    }
  }
  const newNames = new Set(to.columns.map((c) => c.name));
  // Generated columns first: PostgreSQL refuses to drop a column a generated column still uses.
  const generatedFirst = [...from.columns].sort((a, b) => Number(a.generated === null) - Number(b.generated === null));
  for (const column of generatedFirst) {
    if (newNames.has(column.name)) continue;
    changes.push({
      kind: 'dropColumn',
      table,
      column,
      shadowedBy: shadowingRename(column.name, from.columns, to.columns),
      impact: impact('breaking', 'breaking', `the data in ${table}.${column.name} is lost`),
    });
  }
  return changes;
}

function addColumnImpact(column: ColumnIR) {
  if (column.nullable || column.default !== null || column.generated !== null) {
    return impact('safe', 'safe', `new column ${column.name}`);
  }
  return impact('breaking', 'dangerous', `new required column ${column.name} without a default: inserts that omit it fail`);
}

function diffColumn(target: TableIR, from: ColumnIR, to: ColumnIR): Change[] {
  const table = target.name;
  const changes: Change[] = [];
  const typeChange = from.type.sql === to.type.sql ? null : classifyTypeChange(from.type, to.type);
  if (typeChange !== null) {
    const reason = `${table}.${to.name} changes type from ${from.type.sql} to ${to.type.sql}`;
    const value =
      typeChange === 'catalog'
        ? impact('safe', 'safe', `${reason} (catalog only)`)
        : typeChange === 'widening'
          ? impact('dangerous', 'safe', `${reason}; clients may read the new type differently`)
          : impact('dangerous', 'breaking', `${reason}; values that do not fit make the cast fail or change`);
    changes.push({ kind: 'alterColumnType', table, from, to, impact: value });
    if (typeChange !== 'catalog') return changes;
  }
  if (!sameExpression(from.generated, to.generated)) {
    changes.push({
      kind: 'alterGenerated',
      table,
      from,
      to,
      impact: impact('dangerous', 'dangerous', `generated expression of ${table}.${to.name} changes`),
    });
    // A plain column made generated is added again whole. A generated one keeps its place:
    // its nullability may still change below, and a default (plain columns only) comes with
    // the DROP EXPRESSION step, since SET DEFAULT on a still generated column fails.
    if (from.generated === null) return changes;
  }
  if (from.nullable && !to.nullable) {
    const fillWithDefault = to.default !== null;
    changes.push({
      kind: 'setNotNull',
      table,
      column: to.name,
      impact: fillWithDefault
        ? impact(
            'dangerous',
            'dangerous',
            `${table}.${to.name} becomes NOT NULL: rows holding NULL are set to its default, and writes of NULL fail`,
          )
        : impact('dangerous', 'dangerous', `${table}.${to.name} becomes NOT NULL: fails if a row holds NULL, and writes of NULL fail`),
    });
  } else if (!from.nullable && to.nullable) {
    changes.push({
      kind: 'dropNotNull',
      table,
      column: to.name,
      impact: impact('dangerous', 'safe', `${table}.${to.name} becomes nullable: readers may now see NULL`),
    });
  }
  if (from.generated === null && !sameDefault(from, to)) {
    const removed = to.default === null && !to.nullable;
    changes.push({
      kind: 'alterDefault',
      table,
      from,
      to,
      impact: removed
        ? impact('breaking', 'safe', `default of required column ${table}.${to.name} is dropped: inserts that omit it fail`)
        : impact('safe', 'safe', `default of ${table}.${to.name} changes`),
    });
  }
  return changes;
}
