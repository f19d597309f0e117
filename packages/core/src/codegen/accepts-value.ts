import type { ColumnTypeIR, ValueRulesIR } from '../ir/types.js';
import { portablePattern } from '../sql/portable-pattern.js';
import { plainDecimal } from './plain-decimal.js';
import { jsonbUnsafe as jsonbUnsafeLiteral, scalarType } from './scalar-type.js';

/**
 * Zod's own formats, as `zod/v4/core/regexes` spells them (Zod 4.6): what `z.guid()`,
 * `z.iso.date()`, `z.iso.time()` and `z.iso.datetime()` accept. Core cannot import Zod;
 * `packages/postgres/test/zod-agrees-with-postgres.test.ts` checks these agree with it.
 */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const dateSource =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
const hhmm = '(?:[01]\\d|2[0-3]):[0-5]\\d';
const withSeconds = `${hhmm}:[0-5]\\d(?:\\.\\d+)?`;
const date = new RegExp(`^${dateSource}$`);
const time = new RegExp(`^${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?$`);
const datetimeOffset = new RegExp(`^${dateSource}T(?:${withSeconds}(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`);
const datetimeLocal = new RegExp(`^${dateSource}T(?:${withSeconds}(?:Z)|${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?)$`);
const float32 = 3.4028234663852886e38;
const jsonbUnsafe = regExpOf(jsonbUnsafeLiteral);

const int = (min: number, max: number) => (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const string = (test: (v: string) => boolean) => (v: unknown) => typeof v === 'string' && test(v);
const nulFree = (v: string): boolean => !v.includes('\u0000');

/** The element checks of the types whose Zod is not a shared pattern: the same rules as `scalar-type.ts`'s `fixedTypes`. */
const checks: Readonly<Record<string, (v: unknown) => boolean>> = {
  uuid: string((v) => guid.test(v)),
  integer: int(-2147483648, 2147483647),
  smallint: int(-32768, 32767),
  real: (v) => typeof v === 'number' && Math.abs(v) <= float32 && (v === 0 || Math.fround(v) !== 0),
  'double precision': (v) => typeof v === 'number' && Number.isFinite(v),
  bigint: (v) => typeof v === 'bigint' && v >= -(2n ** 63n) && v < 2n ** 63n,
  boolean: (v) => typeof v === 'boolean',
  json: () => true,
  jsonb: (v) => {
    let ok = true;
    JSON.stringify(v, (k, x: unknown) => {
      if (jsonbUnsafe.test(k) || (typeof x === 'string' && jsonbUnsafe.test(x))) ok = false;
      return x;
    });
    return ok;
  },
  'timestamp with time zone': string((v) => datetimeOffset.test(v) && !v.startsWith('0000') && !/[+-](?:1[6-9]|2\d):?\d\d$/.test(v)),
  'timestamp without time zone': string((v) => datetimeLocal.test(v) && !v.startsWith('0000')),
  date: string((v) => date.test(v) && !v.startsWith('0000')),
  'time without time zone': string((v) => time.test(v)),
};

/**
 * Whether the generated Zod schema of one element of a column of `type` (with its value
 * `rules`) accepts `value`: the same answer as `z.safeParse`, in core, without Zod. A type with
 * a shared pattern (`numeric(p, s)`, `bit(n)`, `timetz`, `bytea`) is tested with that very
 * pattern; `enumValues` are the labels when `type` is one of the schema's enums. The compiler
 * checks `@wes_default(value:)` with it, so a default is one the application's validator takes.
 */
export function acceptsValue(type: ColumnTypeIR, rules: ValueRulesIR | null, value: unknown, enumValues?: readonly string[]): boolean {
  if (type.array) {
    const element = { ...type, array: false };
    return Array.isArray(value) && value.every((item) => acceptsValue(element, rules, item, enumValues));
  }
  if (!acceptsElement(type, value, enumValues)) return false;
  return rules === null || followsRules(rules, value);
}

function acceptsElement(type: ColumnTypeIR, value: unknown, enumValues: readonly string[] | undefined): boolean {
  if (enumValues !== undefined) return typeof value === 'string' && enumValues.includes(value);
  const check = checks[type.base];
  if (check !== undefined) return check(value);
  if (typeof value !== 'string' || !nulFree(value)) return false;
  const pattern = scalarType(type, null).pattern;
  if (pattern !== null && !regExpOf(pattern.literal).test(value)) return false;
  // varchar(n) and char(n) (a bare char is char(1)) count code points, as z.string().max(n) does.
  const length = type.modifiers[0] ?? (type.base === 'character' ? 1 : undefined);
  return !(type.base === 'character varying' || type.base === 'character') || length === undefined || [...value].length <= length;
}

function followsRules(rules: ValueRulesIR, value: unknown): boolean {
  if (rules.oneOf !== null) return rules.oneOf.some((allowed) => allowed === String(value));
  if (typeof value === 'number') return (rules.min === null || value >= rules.min) && (rules.max === null || value <= rules.max);
  if (typeof value === 'bigint') return (rules.min === null || value >= rules.min) && (rules.max === null || value <= rules.max);
  if (typeof value !== 'string') return true;
  const length = [...value].length;
  if (rules.minLength !== null && length < rules.minLength) return false;
  if (rules.maxLength !== null && length > rules.maxLength) return false;
  if (rules.pattern !== null) {
    const reading = portablePattern(rules.pattern);
    if (reading.ok && !new RegExp(reading.js, 'u').test(value)) return false;
  }
  if (rules.min !== null && compareDecimal(value, rules.min) < 0) return false;
  return rules.max === null || compareDecimal(value, rules.max) <= 0;
}

/** A shared pattern's literal (`/^...$/`) as a RegExp. */
function regExpOf(literal: string): RegExp {
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
}

/** The sign of `decimal - bound`, exactly; `decimal` is a plain decimal string. */
function compareDecimal(decimal: string, bound: number): number {
  const scale = (text: string): [bigint, number] => {
    const [whole = '', fraction = ''] = text.split('.');
    return [BigInt(whole.replace(/^[+-]?$/, '$&0') + fraction), fraction.length];
  };
  const [a, aScale] = scale(decimal);
  const [b, bScale] = scale(plainDecimal(bound));
  const n = Math.max(aScale, bScale);
  const left = a * 10n ** BigInt(n - aScale);
  const right = b * 10n ** BigInt(n - bScale);
  return left < right ? -1 : left > right ? 1 : 0;
}
