/**
 * Character classes of psql's lexer (psqlscan.l), by UTF-16 code unit. psql works on bytes and
 * treats every byte >= 0x80 as an identifier character; every code unit >= 0x80 is the same here.
 */
export const OTHER = 0;
export const IDENT = 1;
export const DIGIT = 2;
export const SPACE = 3;
export const NEWLINE = 4;
export const QUOTE = 5;
export const DQUOTE = 6;
export const DOLLAR = 7;
export const MINUS = 8;
export const SLASH = 9;
export const SEMICOLON = 10;
export const LPAREN = 11;
export const RPAREN = 12;
export const BACKSLASH = 13;
export const COLON = 14;

/** Class of each ASCII code unit. */
export const asciiClass: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0x41; c <= 0x5a; c++) table[c] = IDENT;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = IDENT;
  table[0x5f] = IDENT; // _
  for (let c = 0x30; c <= 0x39; c++) table[c] = DIGIT;
  // psqlscan.l: space [ \t\n\r\f] — not \v, which starts a statement like any other character.
  for (const c of [0x20, 0x09, 0x0d, 0x0c]) table[c] = SPACE;
  table[0x0a] = NEWLINE;
  table[0x27] = QUOTE;
  table[0x22] = DQUOTE;
  table[0x24] = DOLLAR;
  table[0x2d] = MINUS;
  table[0x2f] = SLASH;
  table[0x3b] = SEMICOLON;
  table[0x28] = LPAREN;
  table[0x29] = RPAREN;
  table[0x5c] = BACKSLASH;
  table[0x3a] = COLON;
  return table;
})();

/** Class of code unit `c`. */
export function classOf(c: number): number {
  return c < 128 ? (asciiClass[c] as number) : IDENT;
}

/** `ident_cont`: letters, digits, `_`, `$`, anything >= 0x80. */
export function isIdentCont(c: number): boolean {
  if (c >= 128) return true;
  const k = asciiClass[c];
  return k === IDENT || k === DIGIT || c === 0x24;
}

/** `dolq_cont` and `variable_char`: a dollar-quote tag or psql variable name character. */
export function isTagCont(c: number): boolean {
  if (c >= 128) return true;
  const k = asciiClass[c];
  return k === IDENT || k === DIGIT;
}
