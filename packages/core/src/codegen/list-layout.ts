/** Prettier's default print width: a list longer than this breaks into one item per line. */
const printWidth = 80;

/**
 * A bracketed list as Prettier prints it: `head` + items joined by `, ` + `tail` when it fits
 * in 80 columns (`z.enum(['a', 'b']);`), else one item per line with trailing commas. `head` ends
 * with the opening bracket (and a space for braces), `tail` starts with the closing one.
 */
export function bracketList(head: string, items: readonly string[], tail: string): string {
  const inline = `${head}${items.join(', ')}${tail}`;
  if (inline.length <= printWidth || items.length === 0) return inline;
  return `${head.trimEnd()}\n${items.map((item) => `  ${item},`).join('\n')}\n${tail.trimStart()}`;
}

/**
 * A union type as Prettier prints it: `head` + items joined by ` | ` + `;` when it fits, else
 * one `| item` per line under `head`.
 */
export function unionList(head: string, items: readonly string[]): string {
  const inline = `${head} ${items.join(' | ')};`;
  if (inline.length <= printWidth || items.length < 2) return inline;
  return `${head}\n${items.map((item) => `  | ${item}`).join('\n')};`;
}
