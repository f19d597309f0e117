/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated by the server. */
export const maxIdentifierBytes = 63;

/** UTF-8 length of `name` (core runs without DOM or Node globals, so no TextEncoder). */
const ascii = /^[\x00-\x7f]*$/;

export function byteLength(name: string): number {
  if (ascii.test(name)) return name.length;
  let bytes = 0;
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Makes default constraint and index names the way PostgreSQL does (`orders_customer_id_fkey`,
 * then `..._fkey1` when taken), truncating the stem so the result fits in 63 bytes. Each name may
 * keep a `Place` (what took it), so a name taken twice can point back at its first owner.
 */
export class NameAllocator<Place = never> {
  readonly #taken: Map<string, Place | undefined>;

  constructor(taken: Iterable<string> = []) {
    this.#taken = new Map([...taken].map((name) => [name, undefined]));
  }

  /** `true` when `name` was free (and is now taken, by `place`). */
  claim(name: string, place?: Place): boolean {
    if (this.#taken.has(name)) return false;
    this.#taken.set(name, place);
    return true;
  }

  /** A free name `<stem>_<label>`, `<stem>_<label>1`, ..., taken by `place`. */
  allocate(stem: string, label: string, place?: Place): string {
    for (let n = 0; ; n += 1) {
      const name = derivedName(stem, `${label}${n === 0 ? '' : n}`);
      if (this.claim(name, place)) return name;
    }
  }

  /** What took `name`, when it was taken with a place. */
  placeOf(name: string): Place | undefined {
    return this.#taken.get(name);
  }
}

/** `<stem>_<label>`, the stem truncated (as PostgreSQL would) so the name fits in 63 bytes. */
export function derivedName(stem: string, label: string): string {
  const suffix = `_${label}`;
  return `${truncate(stem, maxIdentifierBytes - byteLength(suffix))}${suffix}`;
}

function truncate(text: string, bytes: number): string {
  let out = text;
  while (byteLength(out) > bytes) out = out.slice(0, -1);
  return out;
}
