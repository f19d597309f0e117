import type { Change, DropIndexChange, DropUniqueChange } from './change.js';
import { sameColumns } from './same-definition.js';

/**
 * Marks the dropped unique constraints, unique indexes and foreign keys that a NOT NULL fill of
 * the same plan needs out of the way. A column made NOT NULL with a default has its NULLs set to
 * the default in the backfill phase; a unique constraint or index v2 drops would refuse a second
 * row with that value, a foreign key v2 drops a value its table does not hold, and the plan would
 * stop half way.
 * Such a drop goes before the fill (`beforeFill`), together with the foreign keys of dropped
 * tables or columns that reference a unique constraint moved so: PostgreSQL refuses to drop a
 * key a foreign key still uses. A unique constraint that a foreign key still references until
 * `contract` (one v2 redefines, or one of a table dropped in `contract`) is left where it was.
 * Every other drop stays in `contract`, where the old code no longer needs it.
 */
export function markDropsBeforeFills(changes: readonly Change[]): Change[] {
  const filled = new Set(
    changes.flatMap((change) => (change.kind === 'setNotNull' && change.fillWithDefault ? [`${change.table}.${change.column}`] : [])),
  );
  if (filled.size === 0) return [...changes];
  const fills = (table: string, columns: readonly string[]) => columns.some((column) => filled.has(`${table}.${column}`));
  const references = (key: UniqueDrop, foreignKey: { readonly refTable: string; readonly refColumns: readonly string[] }) =>
    foreignKey.refTable === key.table && sameColumns(foreignKey.refColumns, uniqueColumns(key));
  // Keys that still reference a unique constraint in `contract`. A dropped table's keys name
  // the referenced table as v1 did: either name counts (keeping a drop late is always safe).
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
  return changes.map((change): Change => {
    if ((change.kind === 'dropUnique' || change.kind === 'dropIndex') && movedUniques.includes(change))
      return { ...change, beforeFill: true };
    if (change.kind === 'dropForeignKey') {
      const early = fills(change.table, change.foreignKey.columns) || movedUniques.some((unique) => references(unique, change.foreignKey));
      return early ? { ...change, beforeFill: true } : change;
    }
    return change;
  });
}

type UniqueDrop = DropUniqueChange | DropIndexChange;

function uniqueColumns(drop: UniqueDrop): readonly string[] {
  return drop.kind === 'dropUnique' ? drop.unique.columns : drop.index.columns;
}
