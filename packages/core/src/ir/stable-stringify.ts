/**
 * JSON with object keys sorted, so equal data always gives equal text. Arrays keep their order:
 * the IR's arrays are already in a stable, meaningful order. The compact form (no `indent`) is
 * what `hashIR` hashes; the indented one is `ir.json` and `plan.json`.
 *
 * The text is `JSON.stringify` of a key-sorted copy of plain data (`undefined` members left out,
 * `null` for `undefined` in arrays and at the top), except that the compact form sorts
 * integer-like keys as text too, where an object copy lists them first. Only the objects whose
 * keys are out of order are copied, and the native `JSON.stringify` writes the text: on a
 * 1,000-table IR (11 MB of indented JSON, hashed on every `generate` and plan) copying every
 * object, or writing the text from parts in JavaScript, cost several times the writing itself.
 */
export function stableStringify(value: unknown, indent?: number): string {
  const state = { textOrderNeeded: false, compact: indent === undefined };
  const ordered = sortedKeys(value, state);
  if (state.textOrderNeeded) return compact(value) ?? 'null';
  return (indent === undefined ? JSON.stringify(ordered) : JSON.stringify(ordered, null, indent)) ?? 'null';
}

interface SortState {
  /** Writing the compact form, where integer-like keys sort as text. */
  readonly compact: boolean;
  /** An object of the compact form has keys no object can list in text order: `compact` writes it. */
  textOrderNeeded: boolean;
}

/** Both texts of one value, as `stableStringify` writes them. */
export interface StableJsonTexts {
  /** `stableStringify(value)`: what `hashIR` hashes. */
  readonly compact: string;
  /** `stableStringify(value, indent)`: what `ir.json` holds. */
  readonly indented: string;
}

/**
 * `stableStringify(value)` and `stableStringify(value, indent)` from one walk of `value`: `wesley
 * generate` hashes the IR and writes it indented, and a second walk of a 1,000-table IR only to
 * find it in order again cost ~20 ms.
 */
export function stableJsonTexts(value: unknown, indent: number): StableJsonTexts {
  // The compact form's state: the indented form has no text order to keep, so it is written from
  // the same key-sorted value either way.
  const state = { textOrderNeeded: false, compact: true };
  const ordered = sortedKeys(value, state);
  return {
    compact: (state.textOrderNeeded ? compact(value) : JSON.stringify(ordered)) ?? 'null',
    indented: JSON.stringify(ordered, null, indent) ?? 'null',
  };
}

/** `value` with every object's keys in sorted order: objects already in order as they are, the others copied. */
function sortedKeys(value: unknown, state: SortState): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const ordered = sortedKeys(item, state);
      if (ordered !== item) {
        copy ??= [...(value as unknown[])];
        copy[i] = ordered;
      }
    }
    return copy ?? value;
  }
  const record = value as Readonly<Record<string, unknown>>;
  // Anything but a plain object is copied, so a `toJSON` (a Date's) is not called: plain data only.
  const plain = Object.getPrototypeOf(record) === Object.prototype;
  if (plain && keysInOrder(record, state)) {
    // The common case (the compiler builds the IR key-sorted): `for...in` walks the keys without
    // the array `Object.keys` allocates for every object, which on a 1,000-table IR was most of
    // the walk's time and of the garbage it left.
    let copy: Record<string, unknown> | undefined;
    for (const key in record) {
      const member = record[key];
      const ordered = sortedKeys(member, state);
      if (copy === undefined && ordered !== member) copy = membersBefore(record, key);
      if (copy !== undefined) copy[key] = ordered;
    }
    return copy ?? record;
  }
  // Out of order, or not a plain object: a copy with the keys sorted.
  const keys = Object.keys(record);
  // The first character first: the regular expression on every key of an IR cost more than its order check.
  if (state.compact && keys.length > 1 && keys.some((key) => key === '__proto__' || (startsWithDigit(key) && integerLike.test(key)))) {
    state.textOrderNeeded = true;
  }
  const copy: Record<string, unknown> = {};
  for (const key of keys.sort()) copy[key] = sortedKeys(record[key], state);
  return copy;
}

/**
 * Whether the keys of a plain object are already sorted, `for...in` order being `Object.keys`
 * order for one. Notes an integer-like key of the compact form in `state` as `sortedKeys` does.
 */
function keysInOrder(record: Readonly<Record<string, unknown>>, state: SortState): boolean {
  let previous: string | undefined;
  let needsTextOrder = false;
  let count = 0;
  for (const key in record) {
    if (previous !== undefined && previous > key) return false;
    previous = key;
    count += 1;
    if (state.compact && (key === '__proto__' || (startsWithDigit(key) && integerLike.test(key)))) needsTextOrder = true;
  }
  // As in `sortedKeys`: an object of one key has no order to keep.
  if (needsTextOrder && count > 1) state.textOrderNeeded = true;
  return true;
}

/** A copy of the members of `record` listed before `key`, for a copy that then differs from `key` on. */
function membersBefore(record: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const earlier in record) {
    if (earlier === key) break;
    copy[earlier] = record[earlier];
  }
  return copy;
}

const integerLike = /^(?:0|[1-9][0-9]*)$/;

function startsWithDigit(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/** The compact form written from parts, for the objects `sortedKeys` cannot give in text order. */
function compact(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => compact(item) ?? 'null').join(',')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const text = compact((value as Record<string, unknown>)[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}
