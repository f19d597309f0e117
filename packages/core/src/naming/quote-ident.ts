import { quotedKeywords } from './keywords.js';

const plainIdentifier = /^[a-z_][a-z0-9_$]*$/;

/**
 * Quotes a PostgreSQL identifier only where needed (upper case, odd characters, keywords), and
 * always safely: embedded double quotes are doubled. Same rule as PostgreSQL's `quote_ident()`.
 */
export function quoteIdent(name: string): string {
  if (plainIdentifier.test(name) && !quotedKeywords.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL string literal: single quotes doubled, `E''` never needed (standard_conforming_strings). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
