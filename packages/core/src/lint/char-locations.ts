import type { ParseNode } from './statement-action.js';

/**
 * The parse tree of `sql` with every `location` counted in characters: libpg-query gives byte
 * offsets into the UTF-8 text, which differ from JavaScript's string offsets after the first
 * non-ASCII character (`"café"`). Positions and fixes slice the statement's text by them.
 */
export function withCharLocations(tree: ParseNode, sql: string): ParseNode {
  if (!/[^\u0000-\u007f]/.test(sql)) return tree;
  const charAt = new Map<number, number>();
  let bytes = 0;
  let chars = 0;
  for (const character of sql) {
    charAt.set(bytes, chars);
    const code = character.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    chars += character.length;
  }
  charAt.set(bytes, chars);
  const convert = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => convert(item, ''));
    if (value === null || typeof value !== 'object')
      return key === 'location' && typeof value === 'number' ? (charAt.get(value) ?? value) : value;
    return Object.fromEntries(Object.entries(value as ParseNode).map(([name, inner]) => [name, convert(inner, name)]));
  };
  return convert(tree, '') as ParseNode;
}
