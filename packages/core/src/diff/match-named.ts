/** The outcome of matching two lists of named elements (constraints, indexes). */
export interface NamedMatch<T> {
  /** Same name, different definition. */
  readonly altered: readonly (readonly [T, T])[];
  /** Same definition, different name. */
  readonly renamed: readonly (readonly [T, T])[];
  readonly added: readonly T[];
  readonly dropped: readonly T[];
}

/**
 * Pairs old and new elements by name first, then pairs the leftovers whose definitions are
 * equal (`same`) as renames: a table rename leaves `account_pkey` behind, and a rename is a
 * catalog update where a drop and a re-create would rebuild an index.
 */
export function matchNamed<T extends { readonly name: string }>(
  from: readonly T[],
  to: readonly T[],
  same: (a: T, b: T) => boolean,
): NamedMatch<T> {
  const altered: (readonly [T, T])[] = [];
  const renamed: (readonly [T, T])[] = [];
  const newByName = new Map(to.map((item) => [item.name, item]));
  const oldNames = new Set(from.map((item) => item.name));
  const dropped: T[] = [];
  for (const old of from) {
    const next = newByName.get(old.name);
    if (next === undefined) dropped.push(old);
    else if (!same(old, next)) altered.push([old, next]);
  }
  const added: T[] = [];
  for (const next of to.filter((item) => !oldNames.has(item.name))) {
    const at = dropped.findIndex((old) => same(old, next));
    const old = dropped[at];
    if (old === undefined) {
      added.push(next);
    } else {
      renamed.push([old, next]);
      dropped.splice(at, 1);
    }
  }
  return { altered, renamed, added, dropped };
}
