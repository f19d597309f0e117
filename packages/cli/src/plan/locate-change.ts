import { describeChange, type Change, type SchemaIR, type SourcePosition, type TableIR } from '@wesley/core';
import type { SdlPositions } from './sdl-positions.js';

/** A side of the plan and where its SDL declares things (nothing, for an ir.json or a database). */
export interface LocatableSchema {
  readonly ir: SchemaIR;
  readonly positions: SdlPositions;
}

/**
 * The `locate` option of `planMigration`: a diagnostic about a change points at the field
 * (or, for a table-wide change, the type) it comes from. Something added or changed is looked
 * up in the new schema's SDL first, something dropped in the old one's, each falling back on
 * the other; without SDL for either (a database or an ir.json on the other side), `fallback`.
 */
export function changeLocator(from: LocatableSchema, to: LocatableSchema, fallback: SourcePosition): (change: Change) => SourcePosition {
  return (change) => {
    const subject = describeChange(change);
    const table = subject.table;
    const formerName = table === null ? null : (to.ir.tables.find((t) => t.name === table)?.meta.renamedFrom ?? null);
    for (const side of subject.existsIn === 'from' ? [from, to] : [to, from]) {
      const found =
        table === null
          ? enumPosition(side, subject.enum ?? subject.object, subject.scope === 'enumLabel' ? subject.object : null)
          : tablePosition(side, table, formerName, subject.column);
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
