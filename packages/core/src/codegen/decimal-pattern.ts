/**
 * A constant the generated Zod module declares once and shares between schemas: a regular
 * expression (`DECIMAL_12_2`), or a whole schema (`JSONB`).
 */
export interface SharedPattern {
  /** Constant name in the generated module (`DECIMAL_12_2`). */
  readonly name: string;
  /** Its value: a regular-expression literal, or a Zod expression. */
  readonly literal: string;
}

/**
 * The decimal strings a `numeric` column accepts, as PostgreSQL prints them: an optional sign,
 * digits, an optional fraction; no exponent, no `NaN` or `Infinity` (JSON cannot carry them and
 * applications rarely mean them). With `numeric(p, s)` at most `p - s` digits before the point
 * (leading zeros do not count) and at most `s` after it: PostgreSQL would round extra fraction
 * digits silently, a validator rejects them instead. `numeric(p)` is `numeric(p, 0)`; a negative
 * scale (PostgreSQL 15+) allows `p - s` integer digits and no fraction (PostgreSQL rounds to
 * a multiple of 10^-s, which can still overflow: that edge is left to the database).
 */
export function decimalPattern(modifiers: readonly number[]): SharedPattern {
  const precision = modifiers[0];
  // Unconstrained numeric: PostgreSQL's limits, 131072 digits before the point, 16383 after.
  if (precision === undefined) return { name: 'DECIMAL', literal: '/^[+-]?(?=\\.?\\d)0*\\d{0,131072}(?:\\.\\d{0,16383})?$/' };
  const scale = modifiers[1] ?? 0;
  const integerDigits = Math.max(precision - scale, 0);
  let fraction = scale > 0 ? `(?:\\.\\d{0,${scale}})?` : '\\.?';
  // numeric(2, 4) holds |x| < 0.01: the first `scale - precision` fraction digits are zeros.
  if (scale > precision) fraction = `(?:\\.0{0,${scale - precision}}|\\.0{${scale - precision}}\\d{1,${precision}})?`;
  return {
    name: `DECIMAL_${precision}_${scale < 0 ? `M${-scale}` : scale}`,
    literal: `/^[+-]?(?=\\.?\\d)0*${integerDigits > 0 ? `\\d{0,${integerDigits}}` : ''}${fraction}$/`,
  };
}
