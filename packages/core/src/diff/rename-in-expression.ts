import { quoteIdent } from '../naming/quote-ident.js';

/** String literals, quoted identifiers, words, comments, `::`, or any other single character. */
const lexeme = /[eE]'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'|"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*|--[^\n]*|\/\*[\s\S]*?\*\/|::|\s+|[\s\S]/gy;

/**
 * `sql` (a CHECK, index predicate or generation expression of one table) with its references
 * to the columns in `renames` (old name to new name) spelt with their new names, the way
 * PostgreSQL itself shows a stored expression after `RENAME COLUMN`. A word is a column
 * reference unless it names a type (after `::`), a function (before `(`) or follows a `.`;
 * string literals and comments are left alone.
 */
export function renameInExpression(sql: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return sql;
  const parts = sql.match(lexeme) ?? [];
  const significant = (from: number, step: 1 | -1): string => {
    for (let i = from; i >= 0 && i < parts.length; i += step) {
      const part = parts[i] ?? '';
      if (!/^\s|^--|^\/\*/.test(part)) return part;
    }
    return '';
  };
  return parts
    .map((part, i) => {
      let name: string | null = null;
      if (/^"/.test(part)) name = part.slice(1, -1).replaceAll('""', '"');
      else if (/^[A-Za-z_]/.test(part) && !/^[eE]'/.test(part)) name = part.toLowerCase();
      const renamed = name === null ? undefined : renames.get(name);
      if (renamed === undefined) return part;
      const before = significant(i - 1, -1);
      if (before === '::' || before === '.' || significant(i + 1, 1) === '(') return part;
      return quoteIdent(renamed);
    })
    .join('');
}
