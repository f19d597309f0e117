import type { Change, DropForeignKeyChange, DropIndexChange, DropUniqueChange } from '../../diff/change.js';
import { sameColumns } from '../../diff/same-definition.js';
import type { SchemaIR } from '../../ir/types.js';
import { hasDefault } from '../schema-facts.js';

/** A dropped unique constraint, unique index or foreign key that goes before the fills (see `dropsBeforeFills`). */
export type EarlyDrop = DropUniqueChange | DropIndexChange | DropForeignKeyChange;

/**
 * The dropped unique constraints, unique indexes and foreign keys that a NOT NULL fill of the
 * same plan needs out of the way. A column made NOT NULL with a default (in `to`) has its NULLs
 * set to the default in the backfill phase; a unique constraint or index the new schema drops
 * would refuse a second row with that value, a foreign key it drops a value its table does not
 * hold, and the plan would stop half way.
 * Such a drop goes before the fill (early in `expand`), together with the foreign keys of
 * dropped tables or columns that reference a unique constraint moved so: PostgreSQL refuses to
 * drop a key a foreign key still uses. A unique constraint that a foreign key still references
 * until `contract` (one the new schema redefines, or one of a table dropped in `contract`) is
 * left where it was. Every other drop stays in `contract`, where the old code no longer needs it.
 */
export function dropsBeforeFills(changes: readonly Change[], to: SchemaIR): ReadonlySet<EarlyDrop> {
  const filled = new Set(
    changes.flatMap((change) =>
      change.kind === 'setNotNull' && hasDefault(to, change.table, change.column) ? [`${change.table}.${change.column}`] : [],
    ),
  );
  const early = new Set<EarlyDrop>();
  if (filled.size === 0) return early;
  const fills = (table: string, columns: readonly string[]) => columns.some((column) => filled.has(`${table}.${column}`));
  const references = (key: UniqueDrop, foreignKey: { readonly refTable: string; readonly refColumns: readonly string[] }) =>
    foreignKey.refTable === key.table && sameColumns(foreignKey.refColumns, uniqueColumns(key));
  // Keys that still reference a unique constraint in `contract`. A dropped table's keys name
  // the referenced table as the old schema did: either name counts (keeping a drop late is always safe).
  const lateKeys = changes.flatMap((change) => {
    if (change.kind === 'alterForeignKey') return [change.from, change.to];
    if (change.kind !== 'dropTable') return [];
    return change.definition.foreignKeys.flatMap((key) => [key, ...change.references.map((refTable) => ({ ...key, refTable }))]);
  });
  const movedUniques = changes.filter(
    (change): change is UniqueDrop =>
      (change.kind === 'dropUnique' || (change.kind === 'dropIndex' && change.index.unique)) &&
      fills(change.table, uniqueColumns(change)) &&
      !lateKeys.some((foreignKey) => references(change, foreignKey)),
  );
  for (const unique of movedUniques) early.add(unique);
  for (const change of changes) {
    if (change.kind !== 'dropForeignKey') continue;
    if (fills(change.table, change.foreignKey.columns) || movedUniques.some((unique) => references(unique, change.foreignKey))) {
      early.add(change);
    }
  }
  return early;
}

type UniqueDrop = DropUniqueChange | DropIndexChange;

function uniqueColumns(drop: UniqueDrop): readonly string[] {
  return drop.kind === 'dropUnique' ? drop.unique.columns : drop.index.columns;
}
