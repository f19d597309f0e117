/** A `@wes_constraint(pattern:)` read as both engines would: the JavaScript source that matches what PostgreSQL's `~` matches, or why there is none. */
export type PatternReading = { readonly ok: true; readonly js: string } | { readonly ok: false; readonly problem: string };

/** PostgreSQL's largest repetition count (`RE_DUP_MAX`). */
const maxRepeat = 255;
/**
 * PostgreSQL's class escapes `\d`, `\s`, `\w` (`[[:digit:]]`, `[[:space:]]`, `[[:alnum:]_]`) as the
 * members of a JavaScript bracket: the one definition used outside brackets (`\s` as
 * `[\t\n\v\f\r ]`) and inside them, positive or negated (`[^@\s]` as `[^@\t\n\v\f\r ]`, as
 * PostgreSQL reads it `[^@[:space:]]`). PostgreSQL takes the classes from the database's ctype; in
 * the C locale (Wesley's test clusters: `--no-locale`, UTF8) they are ASCII: the digits, the six
 * white-space characters, and letters, digits and `_`. A `u` RegExp's `\d` and `\w` (without the
 * `i` flag) are those same ASCII sets; its `\s` also takes U+00A0, U+2028, U+3000 and the other
 * Unicode spaces, so `\s` is spelled out.
 */
const classMembers: Readonly<Record<string, string>> = { d: '\\d', s: '\\t\\n\\v\\f\\r ', w: '\\w' };
/** Characters that JavaScript's `u` mode lets a backslash escape outside a bracket. */
const syntaxChars = new Set('^$\\.*+?()[]{}|/');
const refusedEscapes: Readonly<Record<string, string>> = {
  b: 'in PostgreSQL \\b is a backspace, in JavaScript a word boundary',
  B: 'PostgreSQL has no \\B',
  D: '\\D, \\S and \\W depend on the database locale: write a negated bracket such as [^0-9] or [^\\s]',
  S: '\\D, \\S and \\W depend on the database locale: write a negated bracket such as [^0-9] or [^\\s]',
  W: '\\D, \\S and \\W depend on the database locale: write a negated bracket such as [^0-9] or [^\\s]',
  x: 'PostgreSQL reads any number of hex digits after \\x, JavaScript two: write \\u0041',
};

/**
 * Reads a regular expression written for a CHECK (`col ~ 'pattern'`, PostgreSQL's advanced
 * regular expressions) and gives the JavaScript source, for a `u`-flag RegExp, that accepts
 * exactly the strings PostgreSQL accepts, or a refusal. The subset both engines read alike:
 * literals, `.`, `^`, `$`, `|`, groups `( )` and `(?: )`, lookahead `(?= )` `(?! )`, the
 * quantifiers `* + ? {m} {m,} {m,n}` (up to 255, lazy or not), brackets with ranges, and the
 * escapes `\d \w \s \t \n \r \f \v \uXXXX` and `\` before punctuation; `\d \w \s` also inside
 * brackets, positive or negated (`[^@\s]`), as PostgreSQL allows. `.` and `\s` are rewritten:
 * JavaScript's `.` skips line breaks and its `\s` takes Unicode spaces, PostgreSQL's do not
 * (`classMembers`). Refused: back references, `\b`, `\x`, named groups, lookbehind, POSIX classes
 * (`[[:alpha:]]`, which JavaScript reads as something else), `\D \S \W` (which depend on the
 * database's locale, and which PostgreSQL before 14 refuses inside a bracket), a range with a
 * class escape at either end (`[\d-z]`, which both engines refuse), and a `{` or `}` that is not
 * a quantifier.
 */
export function portablePattern(pattern: string): PatternReading {
  const chars = [...pattern];
  let js = '';
  /** The openers of the groups still open: a lookahead may not be quantified (JavaScript's u mode refuses it). */
  const groups: string[] = [];
  /** What the next quantifier would apply to: nothing, an atom, or an atom already quantified. */
  let last: 'none' | 'atom' | 'quantified' = 'none';
  const refuse = (problem: string): PatternReading => ({ ok: false, problem });
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '\\') {
      const escape = readEscape(chars, i, false);
      if (typeof escape === 'object') return refuse(escape.problem);
      js += escape;
      i += escapeLength(chars, i);
      last = 'atom';
    } else if (c === '[') {
      const end = readBracket(chars, i);
      if (!end.ok) return refuse(end.problem);
      js += end.js;
      i = end.end;
      last = 'atom';
    } else if (c === '(') {
      const head = chars.slice(i + 1, i + 3).join('');
      if (chars[i + 1] === '?' && head !== '?:' && head !== '?=' && head !== '?!') {
        return refuse(`(${head}...) is not read alike by PostgreSQL and JavaScript: use ( ), (?: ), (?= ) or (?! )`);
      }
      const opening = chars[i + 1] === '?' ? `(${head}` : '(';
      js += opening;
      i += opening.length - 1;
      groups.push(opening);
      last = 'none';
    } else if (c === ')') {
      const opening = groups.pop();
      if (opening === undefined) return refuse('unmatched )');
      js += ')';
      last = opening === '(?=' || opening === '(?!' ? 'none' : 'atom';
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      const quantifier = c === '{' ? readBraces(chars, i) : { text: c, end: i };
      if (typeof quantifier === 'string') return refuse(quantifier);
      if (last !== 'atom') return refuse(`${quantifier.text} follows nothing it can repeat`);
      js += quantifier.text;
      i = quantifier.end;
      if (chars[i + 1] === '?') {
        js += '?';
        i += 1;
      }
      last = 'quantified';
    } else if (c === '}' || c === ']') {
      return refuse(`a lone ${c}: write \\${c}`);
    } else if (c === '|' || c === '^' || c === '$') {
      js += c;
      last = 'none';
    } else if (c === '.') {
      js += '[\\s\\S]';
      last = 'atom';
    } else {
      js += c;
      last = 'atom';
    }
  }
  if (groups.length > 0) return refuse('unmatched (');
  return { ok: true, js };
}

/** The JavaScript for the escape at `chars[i]` (a backslash), outside or inside a bracket. */
function readEscape(chars: readonly string[], i: number, inBracket: boolean): string | { problem: string } {
  const next = chars[i + 1];
  if (next === undefined) return { problem: 'the pattern ends with a lone \\' };
  const members = classMembers[next];
  // Outside a bracket the members need one, unless they are a single JavaScript escape (`\d`).
  if (members !== undefined) return inBracket || /^\\.$/.test(members) ? members : `[${members}]`;
  if ('tnrfv'.includes(next)) return `\\${next}`;
  if (next === 'u') {
    const hex = chars.slice(i + 2, i + 6).join('');
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { problem: '\\u needs four hex digits' };
    if (/^d[89a-f]/i.test(hex)) return { problem: `\\u${hex} is half of a surrogate pair, not a character` };
    return `\\u${hex}`;
  }
  const reason = refusedEscapes[next];
  if (reason !== undefined) return { problem: `\\${next}: ${reason}` };
  if (/^[\p{L}\p{N}]$/u.test(next)) return { problem: `\\${next} means different things to PostgreSQL and JavaScript (or nothing)` };
  if (next === '-' || syntaxChars.has(next)) return `\\${next}`;
  return next;
}

function escapeLength(chars: readonly string[], i: number): number {
  return chars[i + 1] === 'u' ? 5 : 1;
}

/** `{m}`, `{m,}` or `{m,n}` at `chars[i]`, or why it is not one. */
function readBraces(chars: readonly string[], i: number): { text: string; end: number } | string {
  const close = chars.indexOf('}', i);
  const inside = close < 0 ? '' : chars.slice(i + 1, close).join('');
  const m = /^(\d+)(,(\d*))?$/.exec(inside);
  if (m === null) return 'a { that is not a repetition {m}, {m,} or {m,n}: write \\{ for the character';
  const low = Number(m[1]);
  const high = m[3] === undefined || m[3] === '' ? (m[2] === undefined ? low : null) : Number(m[3]);
  if (low > maxRepeat || (high !== null && high > maxRepeat)) return `{${inside}}: PostgreSQL repeats at most ${maxRepeat} times`;
  if (high !== null && high < low) return `{${inside}}: the bounds are out of order`;
  return { text: `{${inside}}`, end: close };
}

/** The bracket expression starting at `chars[start]` (`[`), as JavaScript, and the index of its `]`. */
function readBracket(chars: readonly string[], start: number): { ok: true; js: string; end: number } | { ok: false; problem: string } {
  let i = start + 1;
  const negated = chars[i] === '^';
  if (negated) i += 1;
  if (chars[i] === ']') return { ok: false, problem: 'a bracket starting with ] is read differently: write \\] inside it' };
  let js = negated ? '[^' : '[';
  /** The previous single character, a possible range start, as a code point. */
  let previous: number | null = null;
  for (; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === ']') return { ok: true, js: `${js}]`, end: i };
    if (c === '[')
      return {
        ok: false,
        problem: 'a [ inside a bracket ([[:alpha:]] and the like): JavaScript has no such classes; write \\[ for the character',
      };
    if (c === '-' && previous !== null && chars[i + 1] !== undefined && chars[i + 1] !== ']') {
      const high = single(chars, i + 1);
      if (high === null) return { ok: false, problem: 'a range must end with a single character' };
      if (high.code < previous) return { ok: false, problem: 'a range whose end comes before its start' };
      js += `-${high.js}`;
      i = high.end;
      previous = null;
      continue;
    }
    if (c === '\\' && classMembers[chars[i + 1] ?? ''] !== undefined) {
      const escape = readEscape(chars, i, true);
      if (typeof escape === 'object') return { ok: false, problem: escape.problem };
      js += escape;
      i += 1;
      if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
        return { ok: false, problem: `a range cannot start at \\${chars[i]}: write the - last, as in [\\${chars[i]}-]` };
      }
      previous = null;
      continue;
    }
    const upper = chars[i + 1] ?? '';
    if (c === '\\' && /^[DSW]$/.test(upper)) {
      return {
        ok: false,
        problem: `\\${upper} in a bracket: PostgreSQL before 14 refuses it, and it depends on the database locale (for [\\${upper}] alone, write [^\\${upper.toLowerCase()}])`,
      };
    }
    const one = single(chars, i);
    if (one === null) return { ok: false, problem: `\\${chars[i + 1] ?? ''} in a bracket is not read alike by both engines` };
    js += one.js;
    i = one.end;
    previous = one.code;
  }
  return { ok: false, problem: 'unmatched [' };
}

/** One character in a bracket at `chars[i]` (plain or escaped), as JavaScript, its code point and last index. */
function single(chars: readonly string[], i: number): { js: string; code: number; end: number } | null {
  const c = chars[i] ?? '';
  if (c === '[') return null;
  if (c !== '\\') return { js: c === '-' || c === '^' ? `\\${c}` : c, code: c.codePointAt(0) ?? 0, end: i };
  const escape = readEscape(chars, i, true);
  if (typeof escape === 'object' || classMembers[chars[i + 1] ?? ''] !== undefined) return null;
  const end = i + escapeLength(chars, i);
  const code = escape.startsWith('\\u') ? parseInt(escape.slice(2), 16) : (controlCodes[escape] ?? escape.at(-1)?.codePointAt(0) ?? 0);
  return { js: escape, code, end };
}

const controlCodes: Readonly<Record<string, number>> = { '\\t': 9, '\\n': 10, '\\v': 11, '\\f': 12, '\\r': 13 };
