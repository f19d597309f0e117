import type { Change, SchemaIR, SourcePosition, TableIR } from '@wesley/core';
import type { SdlPositions } from './sdl-positions.js';

/** A side of the plan and where its SDL declares things (nothing, for an ir.json or a database). */
export interface LocatableSchema {
  readonly ir: SchemaIR;
  readonly positions: SdlPositions;
}

/** What a change is about, by PostgreSQL name; `removed` when only the old schema has it. */
type Subject =
  | { readonly kind: 'table'; readonly table: string; readonly column: string | null; readonly removed: boolean }
  | { readonly kind: 'enum'; readonly name: string; readonly value: string | null; readonly removed: boolean };

/**
 * The `locate` option of `planMigration`: a diagnostic about a change points at the field
 * (or, for a table-wide change, the type) it comes from. Something added or changed is looked
 * up in the new schema's SDL first, something dropped in the old one's, each falling back on
 * the other; without SDL for either (a database or an ir.json on the other side), `fallback`.
 */
export function changeLocator(from: LocatableSchema, to: LocatableSchema, fallback: SourcePosition): (change: Change) => SourcePosition {
  return (change) => {
    const subject = subjectOf(change);
    const formerName = subject.kind === 'table' ? (to.ir.tables.find((t) => t.name === subject.table)?.meta.renamedFrom ?? null) : null;
    for (const side of subject.removed ? [from, to] : [to, from]) {
      const found =
        subject.kind === 'enum'
          ? enumPosition(side, subject.name, subject.value)
          : tablePosition(side, subject.table, formerName, subject.column);
      if (found !== null) return found;
    }
    return fallback;
  };
}

function tablePosition(side: LocatableSchema, name: string, formerName: string | null, column: string | null): SourcePosition | null {
  const table: TableIR | undefined = side.ir.tables.find((t) => t.name === name) ?? side.ir.tables.find((t) => t.name === formerName);
  if (table === undefined) return null;
  const field = column === null ? undefined : table.columns.find((c) => c.name === column)?.graphqlName;
  return (field === undefined ? null : side.positions.member(table.graphqlName, field)) ?? side.positions.type(table.graphqlName);
}

function enumPosition(side: LocatableSchema, name: string, value: string | null): SourcePosition | null {
  const found = side.ir.enums.find((e) => e.name === name);
  if (found === undefined) return null;
  return (value === null ? null : side.positions.member(found.graphqlName, value)) ?? side.positions.type(found.graphqlName);
}

const table = (name: string, column: string | null = null, removed = false): Subject => ({ kind: 'table', table: name, column, removed });

/** The one column of a constraint or index on a single column; a wider one points at its type. */
const single = (columns: readonly string[]): string | null => (columns.length === 1 ? (columns[0] ?? null) : null);

function subjectOf(change: Change): Subject {
  switch (change.kind) {
    case 'createEnum':
      return { kind: 'enum', name: change.enum.name, value: null, removed: false };
    case 'dropEnum':
      return { kind: 'enum', name: change.enum.name, value: null, removed: true };
    case 'addEnumValue':
      return { kind: 'enum', name: change.enum, value: change.value, removed: false };
    case 'alterEnumValues':
      return { kind: 'enum', name: change.to.name, value: null, removed: false };
    case 'createTable':
    case 'renameTable':
    case 'alterPartition':
    case 'addCheck':
    case 'alterCheck':
    case 'renameConstraint':
    case 'renameIndex':
      return table(change.table);
    case 'dropTable':
    case 'dropCheck':
      return table(change.table, null, true);
    case 'addColumn':
      return table(change.table, change.column.name);
    case 'dropColumn':
      return table(change.table, change.column.name, true);
    case 'renameColumn':
      return table(change.table, change.to);
    case 'setNotNull':
    case 'dropNotNull':
      return table(change.table, change.column);
    case 'alterColumnType':
    case 'alterDefault':
    case 'alterGenerated':
      return table(change.table, change.to.name);
    case 'addPrimaryKey':
      return table(change.table, single(change.primaryKey.columns));
    case 'dropPrimaryKey':
      return table(change.table, single(change.primaryKey.columns), true);
    case 'addUnique':
      return table(change.table, single(change.unique.columns));
    case 'dropUnique':
      return table(change.table, single(change.unique.columns), true);
    case 'addForeignKey':
      return table(change.table, single(change.foreignKey.columns));
    case 'dropForeignKey':
      return table(change.table, single(change.foreignKey.columns), true);
    case 'addIndex':
      return table(change.table, single(change.index.columns));
    case 'dropIndex':
      return table(change.table, single(change.index.columns), true);
    case 'alterPrimaryKey':
    case 'alterUnique':
    case 'alterForeignKey':
    case 'replaceIndex':
      return table(change.table, single(change.to.columns));
  }
}
