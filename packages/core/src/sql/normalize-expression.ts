import { tokenizeSql, type SqlToken } from './sql-tokens.js';

/**
 * Canonical text of a SQL expression, for comparing the expressions a schema declares
 * (`@wes_check`, `@wes_default(expr:)`, `@wes_computed`, index `where`) with what PostgreSQL
 * prints back (`pg_get_constraintdef`, `pg_get_expr`). Both sides go through it:
 *
 * - case of unquoted words, whitespace and comments are dropped;
 * - casts are dropped (`(0)::numeric` -> `0`, `'a'::text` -> `'a'`, `(qty)::numeric` -> `qty`):
 *   the deparser adds the implicit ones, so equality here is "equal up to casts";
 * - a quoted number is a number (`'-5'::integer` -> `-5`);
 * - `x IN (a, b)` is `x = ANY (ARRAY[a, b])` and `NOT IN` is `<> ALL`, as the deparser prints them;
 * - parentheses are dropped where they cannot change the meaning: around a single operand,
 *   around a whole expression, doubled ones, and around operands of `AND` / `OR` / `NOT` that
 *   bind at least as tightly (`((a > 0) AND (b < 0))` -> `a > 0 and b < 0`).
 *
 * Not covered (different text for the same meaning stays different): other rewrites the
 * deparser makes, such as `BETWEEN` into two comparisons or `~~` for `LIKE`.
 */
export function normalizeExpression(sql: string): string {
  let tokens = tokenizeSql(sql).map((t) => (t.kind === 'word' ? { kind: t.kind, text: t.text.toLowerCase() } : t));
  for (;;) {
    const next = rewriteIn(tokens) ?? dropCast(tokens) ?? quotedNumber(tokens) ?? unaryMinus(tokens) ?? unwrapGroup(tokens);
    if (next === null) return render(tokens);
    tokens = next;
  }
}

type Tokens = readonly SqlToken[];

/** Words that are operators or clause keywords: a `(` after them opens a group, not a call. */
const connectives = new Set([
  'and',
  'or',
  'not',
  'is',
  'when',
  'then',
  'else',
  'case',
  'end',
  'between',
  'like',
  'ilike',
  'similar',
  'to',
  'escape',
  'from',
  'distinct',
]);
/** Words that continue a multi-word type name after `::`. */
const typeWords = new Set(['varying', 'precision', 'with', 'without', 'time', 'zone']);

const isWord = (t: SqlToken | undefined, text?: string): boolean => t?.kind === 'word' && (text === undefined || t.text === text);
const isPunct = (t: SqlToken | undefined, text: string): boolean => t?.kind === 'punct' && t.text === text;
const isOperand = (t: SqlToken | undefined): boolean =>
  t !== undefined && (t.kind === 'string' || t.kind === 'number' || t.kind === 'ident' || (t.kind === 'word' && !connectives.has(t.text)));
const isCallName = (t: SqlToken | undefined): boolean =>
  t !== undefined && (t.kind === 'ident' || (t.kind === 'word' && !connectives.has(t.text)));
const punct = (text: string): SqlToken => ({ kind: 'punct', text });

/** Index of the token closing the bracket opened at `open`, or -1. */
function closing(tokens: Tokens, open: number): number {
  const [left, right] = tokens[open]?.text === '[' ? ['[', ']'] : ['(', ')'];
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], left)) depth++;
    else if (isPunct(tokens[i], right) && --depth === 0) return i;
  }
  return -1;
}

/** Top-level tokens of `tokens[from..to)`, skipping bracketed parts. */
function* topLevel(tokens: Tokens, from: number, to: number): Generator<SqlToken> {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (isPunct(t, '(') || isPunct(t, '[')) i = closing(tokens, i);
    else if (t !== undefined) yield t;
  }
}

function rewriteIn(tokens: Tokens): SqlToken[] | null {
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i], 'in') || !isPunct(tokens[i + 1], '(')) continue;
    const end = closing(tokens, i + 1);
    if (end < 0 || [...topLevel(tokens, i + 2, end)].some((t) => isWord(t, 'select') || isWord(t, 'values'))) continue;
    const negated = isWord(tokens[i - 1], 'not');
    const head: SqlToken[] = negated
      ? [
          { kind: 'op', text: '<>' },
          { kind: 'word', text: 'all' },
        ]
      : [
          { kind: 'op', text: '=' },
          { kind: 'word', text: 'any' },
        ];
    const list = tokens.slice(i + 2, end);
    const start = negated ? i - 1 : i;
    return [
      ...tokens.slice(0, start),
      ...head,
      punct('('),
      { kind: 'word', text: 'array' },
      punct('['),
      ...list,
      punct(']'),
      punct(')'),
      ...tokens.slice(end + 1),
    ];
  }
  return null;
}

function dropCast(tokens: Tokens): SqlToken[] | null {
  for (let i = 1; i < tokens.length; i++) {
    if (!isPunct(tokens[i], '::')) continue;
    const before = tokens[i - 1];
    if (!isOperand(before) && !isPunct(before, ')') && !isPunct(before, ']')) continue;
    let end = i + 2; // past `::` and the type's first name
    if (isPunct(tokens[end], '.')) end += 2;
    for (;;) {
      if (isPunct(tokens[end], '(') && closing(tokens, end) > end) end = closing(tokens, end) + 1;
      else if (isPunct(tokens[end], '[') && isPunct(tokens[end + 1], ']')) end += 2;
      else if (isWord(tokens[end]) && typeWords.has(tokens[end]?.text ?? '')) end += 1;
      else break;
    }
    if (end <= i) continue;
    return [...tokens.slice(0, i), ...tokens.slice(end)];
  }
  return null;
}

function quotedNumber(tokens: Tokens): SqlToken[] | null {
  const i = tokens.findIndex((t) => t.kind === 'string' && /^'-?\d+(?:\.\d+)?'$/.test(t.text));
  if (i < 0) return null;
  return tokens.map((t, j) => (j === i ? { kind: 'number', text: t.text.slice(1, -1) } : t));
}

function unaryMinus(tokens: Tokens): SqlToken[] | null {
  for (let i = 0; i < tokens.length - 1; i++) {
    const before = tokens[i - 1];
    const prefix =
      before === undefined ||
      before.kind === 'op' ||
      isPunct(before, '(') ||
      isPunct(before, ',') ||
      (before.kind === 'word' && connectives.has(before.text));
    const next = tokens[i + 1];
    if (prefix && tokens[i]?.kind === 'op' && tokens[i]?.text === '-' && next?.kind === 'number' && !next.text.startsWith('-')) {
      return [...tokens.slice(0, i), { kind: 'number', text: `-${next.text}` }, ...tokens.slice(i + 2)];
    }
  }
  return null;
}

/** How loosely a boolean connective binds: OR, then AND, then NOT; edges bind loosest. */
function sideLevel(t: SqlToken | undefined, edges: readonly string[]): number {
  if (t === undefined || (t.kind === 'punct' && edges.includes(t.text))) return -1;
  if (isWord(t, 'then') || isWord(t, 'else') || isWord(t, 'when') || isWord(t, 'end')) return -1;
  if (isWord(t, 'or')) return 0;
  if (isWord(t, 'and')) return 1;
  if (isWord(t, 'not')) return 1.5;
  return Number.POSITIVE_INFINITY;
}

function unwrapGroup(tokens: Tokens): SqlToken[] | null {
  for (let open = 0; open < tokens.length; open++) {
    if (!isPunct(tokens[open], '(') || isCallName(tokens[open - 1])) continue;
    const close = closing(tokens, open);
    if (close < 0) return null;
    const inner = tokens.slice(open + 1, close);
    const single = inner.length === 1 && isOperand(inner[0]);
    const doubled = isPunct(inner[0], '(') && closing(tokens, open + 1) === close - 1;
    const top = [...topLevel(tokens, open + 1, close)];
    const level = top.some((t) => isWord(t, 'or')) ? 0 : top.some((t) => isWord(t, 'and')) ? 1 : 2;
    const loose =
      inner.length > 0 &&
      !top.some((t) => isPunct(t, ',')) &&
      level >= sideLevel(tokens[open - 1], ['(', ',']) &&
      level >= sideLevel(tokens[close + 1], [')', ',']);
    if (single || doubled || loose) return [...tokens.slice(0, open), ...inner, ...tokens.slice(close + 1)];
  }
  return null;
}

function render(tokens: Tokens): string {
  let out = '';
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const tight =
      prev === undefined ||
      isPunct(prev, '(') ||
      isPunct(prev, '[') ||
      isPunct(prev, '.') ||
      isPunct(t, ')') ||
      isPunct(t, ']') ||
      isPunct(t, ',') ||
      isPunct(t, '.') ||
      (isPunct(t, '(') && isCallName(prev)) ||
      (isPunct(t, '[') && (isCallName(prev) || isPunct(prev, ']') || isPunct(prev, ')')));
    out += (tight ? '' : ' ') + t.text;
  });
  return out;
}
