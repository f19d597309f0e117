import { quoteIdent } from '../naming/quote-ident.js';

/** `(a, "order")`: a parenthesised, comma-separated list of quoted column names. */
export function columnListSql(columns: readonly string[]): string {
  return `(${columns.map(quoteIdent).join(', ')})`;
}
