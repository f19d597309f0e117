import type { NameAllocator } from '../../naming/name-allocator.js';
import type { Anchor, RelatedAnchor } from '../diagnostic-sink.js';

/**
 * Where a constraint or index name was taken, kept with the name so that a WES031 for a second
 * use can point back at the first. A default name is worth saying so: the user never wrote it.
 */
export function namePlace(anchor: Anchor | undefined, what: string, given: boolean): RelatedAnchor {
  return { anchor, message: given ? `given to the ${what} here` : `the default name of the ${what} here` };
}

/** Where `name` was first taken, looked up in each namespace in turn: the notes of its WES031. */
export function firstNamePlace(name: string, ...namespaces: readonly NameAllocator<RelatedAnchor>[]): RelatedAnchor[] {
  for (const namespace of namespaces) {
    const place = namespace.placeOf(name);
    if (place !== undefined) return [place];
  }
  return [];
}
