/** One lexical token of a SQL expression. */
export interface SqlToken {
  readonly kind: 'string' | 'ident' | 'word' | 'number' | 'punct' | 'op';
  readonly text: string;
}

const patterns: ReadonlyArray<readonly [SqlToken['kind'], RegExp]> = [
  ['string', /[eE]?'(?:[^']|'')*'/y],
  ['ident', /"(?:[^"]|"")*"/y],
  ['number', /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y],
  ['word', /[A-Za-z_][A-Za-z0-9_$]*/y],
  ['punct', /::|[()[\],.;]/y],
  ['op', /[-+*/<>=~!@#%^&|`?]+/y],
];

/**
 * Splits a SQL expression into tokens, dropping whitespace and comments. Enough of the lexer
 * for comparing expressions; anything unrecognised becomes a one-character `op` token.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let at = 0;
  while (at < sql.length) {
    const space = /\s+|--[^\n]*|\/\*[\s\S]*?\*\//y;
    space.lastIndex = at;
    const skipped = space.exec(sql);
    if (skipped) {
      at += skipped[0].length;
      continue;
    }
    let matched = false;
    for (const [kind, pattern] of patterns) {
      pattern.lastIndex = at;
      const match = pattern.exec(sql);
      if (match) {
        tokens.push({ kind, text: match[0] });
        at += match[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) tokens.push({ kind: 'op', text: sql.charAt(at++) });
  }
  return tokens;
}
