import type { ColumnIR, ColumnMetaIR, TableIR, TableMetaIR } from '../ir/types.js';

interface Renameable {
  readonly name: string;
  readonly meta: Pick<TableMetaIR | ColumnMetaIR, 'renamedFrom' | 'uid'>;
}

/**
 * Which old name each new element had: `to` elements keyed by the `from` name they continue.
 * A new element continues an old one by the same name, by `@wes_renamed(from:)` naming an old
 * element that no longer exists under its own name, or by the same `@wes_uid`. An old element
 * is claimed at most once; the rest are dropped and the unclaimed new ones are added.
 */
export function matchRenames<T extends Renameable>(from: readonly T[], to: readonly T[]): Map<string, T> {
  const oldByName = new Map(from.map((item) => [item.name, item]));
  const newNames = new Set(to.map((item) => item.name));
  const matched = new Map<string, T>();
  const claim = (oldName: string, item: T): boolean => {
    if (!oldByName.has(oldName) || matched.has(oldName)) return false;
    matched.set(oldName, item);
    return true;
  };
  const unmatched: T[] = [];
  for (const item of to) if (!claim(item.name, item)) unmatched.push(item);
  for (const item of unmatched) {
    const renamedFrom = item.meta.renamedFrom;
    if (renamedFrom !== null && !newNames.has(renamedFrom) && claim(renamedFrom, item)) continue;
    const uid = item.meta.uid;
    if (uid === null) continue;
    const sameUid = from.find((old) => old.meta.uid === uid && !newNames.has(old.name));
    if (sameUid !== undefined) claim(sameUid.name, item);
  }
  return matched;
}

/**
 * The new element that declares `@wes_renamed(from: <dropped>)` but keeps a name the old schema
 * also has, so it continues that element instead and the declaration cannot be honoured (the
 * dropped one would lose its data), or `null`.
 */
export function shadowingRename<T extends Renameable>(dropped: string, from: readonly T[], to: readonly T[]): string | null {
  const oldNames = new Set(from.map((item) => item.name));
  return to.find((item) => item.meta.renamedFrom === dropped && oldNames.has(item.name))?.name ?? null;
}

export type TableMatch = Map<string, TableIR>;
export type ColumnMatch = Map<string, ColumnIR>;
