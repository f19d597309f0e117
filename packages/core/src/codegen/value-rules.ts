import type { ValueRulesIR } from '../ir/types.js';
import type { ScalarType, ValueKind } from './scalar-type.js';
import { portablePattern } from '../sql/portable-pattern.js';
import { plainDecimal } from './plain-decimal.js';
import { regexLiteral, stringLiteral } from './ts-syntax.js';

/**
 * Applies value rules to one element's type and schema.
 *
 * - `oneOf` narrows the type itself: `z.enum([...])` for strings (text, decimal, enum labels),
 *   `z.literal([...])` for numbers, bigints and booleans; the TypeScript type becomes the same
 *   union of literals, so `z.infer` still equals it. The other rules are then moot and not emitted.
 * - `min` / `max` bound numbers (`.min(n)`, `.max(n)`), bigints (rounded inwards to integers),
 *   and `numeric` decimal strings (a `.refine` comparing `Number(value)`).
 * - `minLength` / `maxLength` / `pattern` check strings (`.min`, `.max`, `.regex`; the pattern
 *   is unanchored, as PostgreSQL's `~` is).
 *
 * A rule that does not fit the kind (a `pattern` on an integer, `min` on text, any rule on
 * `json`) is not emitted: the compiler reports it as WES027 before an IR exists.
 */
export function applyRules(scalar: ScalarType, rules: ValueRulesIR | null): ScalarType {
  if (rules === null || scalar.kind === 'json' || scalar.kind === 'unknown') return scalar;
  if (rules.oneOf !== null) return oneOf(scalar, rules.oneOf);
  let zod = scalar.zod;
  if (scalar.kind === 'number') {
    if (rules.min !== null) zod += `.min(${rules.min})`;
    if (rules.max !== null) zod += `.max(${rules.max})`;
  } else if (scalar.kind === 'bigint') {
    if (rules.min !== null && Number.isFinite(rules.min)) zod += `.min(${BigInt(Math.ceil(rules.min))}n)`;
    if (rules.max !== null && Number.isFinite(rules.max)) zod += `.max(${BigInt(Math.floor(rules.max))}n)`;
  } else if (scalar.kind === 'decimal') {
    if (rules.min !== null) zod += decimalBound('>=', rules.min, 'Too small');
    if (rules.max !== null) zod += decimalBound('<=', rules.max, 'Too big');
  }
  if (scalar.kind === 'text' || scalar.kind === 'decimal') {
    if (rules.minLength !== null) zod += `.min(${rules.minLength})`;
    if (rules.maxLength !== null) zod += `.max(${rules.maxLength})`;
    if (rules.pattern !== null) zod += `.regex(${patternLiteral(rules.pattern)})`;
  }
  return { ...scalar, zod };
}

/**
 * The pattern as JavaScript reads it the way PostgreSQL's `~` does (a `u` RegExp; see
 * {@link portablePattern}). A pattern outside that subset (from an IR the compiler did not make)
 * is written as given.
 */
function patternLiteral(pattern: string): string {
  const reading = portablePattern(pattern);
  return reading.ok ? `${regexLiteral(reading.js)}u` : regexLiteral(pattern);
}

/**
 * A `.refine` comparing a decimal string with `bound` exactly, as the CHECK does on `numeric`:
 * `Number(v)` would round `100.0000000000000001` to `100`. Both sides are scaled to integers
 * with as many fraction digits as the longer has, and compared as BigInts. Text that is not a
 * plain decimal passes here: the column's decimal pattern rejects it.
 */
function decimalBound(op: '>=' | '<=', bound: number, words: string): string {
  const text = plainDecimal(bound);
  const [whole = '', fraction = ''] = text.split('.');
  const m = fraction.length;
  const scaled = `${BigInt(whole + fraction)}n`;
  const compare =
    `const [i = '', f = ''] = v.split('.'); const n = Math.max(f.length, ${m}); ` +
    `return !/^[+-]?\\d*$/.test(i) || !/^\\d*$/.test(f) || BigInt(i.replace(/^[+-]?$/, '$&0') + f.padEnd(n, '0')) ${op} ${scaled} * 10n ** BigInt(n - ${m});`;
  return `.refine((v) => { ${compare} }, '${words}: expected ${op} ${text}')`;
}

function oneOf(scalar: ScalarType, values: readonly string[]): ScalarType {
  if (values.length === 0) return { kind: scalar.kind, ts: 'never', zod: 'z.never()', pattern: null, union: false };
  const isString = scalar.kind === 'text' || scalar.kind === 'decimal' || scalar.kind === 'enum';
  const literals = values.map(isString ? stringLiteral : (value) => literalOf(scalar.kind, value));
  const list = literals.join(', ');
  return {
    kind: scalar.kind,
    ts: literals.join(' | '),
    zod: isString ? `z.enum([${list}])` : `z.literal([${list}])`,
    pattern: null,
    union: literals.length > 1,
  };
}

/** The literal for `value` in the column's kind; a value that does not parse stays a string. */
function literalOf(kind: ValueKind, value: string): string {
  const trimmed = value.trim();
  if (kind === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) return String(Number(trimmed));
  if (kind === 'bigint' && /^[+-]?\d+$/.test(trimmed)) return `${BigInt(trimmed)}n`;
  if (kind === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed;
  return stringLiteral(value);
}
