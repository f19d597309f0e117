import type { ParseNode } from './statement-action.js';

/** The node inside a one-key wrapper (`{ "RangeVar": {...} }` -> `{...}`); a node already bare stays as it is, anything else is `{}`. */
export function innerNode(value: unknown): ParseNode {
  if (value === null || typeof value !== 'object') return {};
  const entries = Object.entries(value as ParseNode);
  const [key, inner] = entries[0] ?? [];
  const wrapped = entries.length === 1 && key !== undefined && /^[A-Z]/.test(key) && inner !== null && typeof inner === 'object';
  return wrapped ? (inner as ParseNode) : (value as ParseNode);
}

/** A list field of a node (`cmds`, `constraints`), or `[]` when absent. */
export function nodeList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The names of a list of `{ "String": { "sval": ... } }` nodes (`fk_attrs`, `keys`). */
export function nameList(value: unknown): string[] {
  return nodeList(value).map((item) => String(innerNode(item).sval));
}

/** A statement's text without its terminating semicolon and the whitespace around it. */
export function withoutSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, '').trimEnd();
}
