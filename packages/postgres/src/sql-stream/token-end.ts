import { classOf, DIGIT, IDENT, isIdentCont, isTagCont } from './char-class.js';

/** Where a token ends when the text ends too soon to tell: the caller waits for more input. */
export const MORE = -1;

const DOLLAR = 0x24;
const DOT = 0x2e;
const QUOTE = 0x27;
const AMPERSAND = 0x26;
const COLON = 0x3a;

/** End of the identifier (`ident_cont` run) starting at `i`. */
export function identifierEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && isIdentCont(text.charCodeAt(j))) j++;
  return j;
}

/**
 * The one-letter identifier `c` followed by `next` is a string or identifier prefix instead:
 * `E'`, `B'`, `X'`, `N'`, `U&'`, `U&"`.
 */
export function isStringPrefix(c: number, next: number): boolean {
  if (next === QUOTE) {
    // e E b B x X n N
    return c === 0x65 || c === 0x45 || c === 0x62 || c === 0x42 || c === 0x78 || c === 0x58 || c === 0x6e || c === 0x4e;
  }
  return next === AMPERSAND && (c === 0x75 || c === 0x55);
}

/**
 * End of the number at `i`, as psql 15 lexes it: digits, a fraction (not `..`), an exponent, and
 * identifier characters stuck to it (`1e$` and `1ex` are one token, so a `$` or `e'` after them
 * starts no dollar quote or E'' string); `1e-` without digits ends there.
 */
export function numberEnd(text: string, i: number, final: boolean): number {
  const n = text.length;
  let j = digitsEnd(text, i);
  if (j < n && text.charCodeAt(j) === DOT) {
    if (j + 1 >= n && !final) return MORE;
    if (text.charCodeAt(j + 1) !== DOT) j = digitsEnd(text, j + 1);
  }
  if (j < n && (text.charCodeAt(j) | 0x20) === 0x65) {
    let k = j + 1;
    if (k < n && (text.charCodeAt(k) === 0x2b || text.charCodeAt(k) === 0x2d)) k++;
    if (k >= n && !final) return MORE;
    if (k < n && classOf(text.charCodeAt(k)) === DIGIT) j = digitsEnd(text, k);
    else if (k > j + 1) return k;
  }
  if (j < n && classOf(text.charCodeAt(j)) === IDENT) j = identifierEnd(text, j);
  return j === n && !final ? MORE : j;
}

function digitsEnd(text: string, i: number): number {
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if ((d >= 0x30 && d <= 0x39) || d === 0x5f) i++;
    else break;
  }
  return i;
}

/** End of the `$tag$` (or `$$`) starting at `i`; 0 when `$` starts none (`$1`, `$x`). */
export function dollarTagEnd(text: string, i: number, final: boolean): number {
  const n = text.length;
  if (i + 1 >= n) return final ? 0 : MORE;
  const d = text.charCodeAt(i + 1);
  if (d === DOLLAR) return i + 2;
  if (classOf(d) !== IDENT) return 0;
  let k = i + 2;
  while (k < n && isTagCont(text.charCodeAt(k))) k++;
  if (k === n) return final ? 0 : MORE;
  return text.charCodeAt(k) === DOLLAR ? k + 1 : 0;
}

/**
 * End of the `::` or psql variable reference `:name` at `i` (left as it is, since no variables
 * are set; a `$` after the name does not join it as it would an identifier).
 */
export function colonEnd(text: string, i: number, final: boolean): number {
  const n = text.length;
  let j = i + 1;
  if (j < n && text.charCodeAt(j) === COLON) j++;
  else while (j < n && isTagCont(text.charCodeAt(j))) j++;
  return j === n && !final ? MORE : j;
}
