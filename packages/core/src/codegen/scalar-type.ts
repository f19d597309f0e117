import type { ColumnTypeIR } from '../ir/types.js';
import { decimalPattern, type SharedPattern } from './decimal-pattern.js';

/**
 * What one value of a column is in JavaScript, which decides the value rules that apply to it:
 * `text` and `decimal` (a `numeric` as its exact string) are strings, `enum` a string of a fixed
 * set, `number` and `bigint` numbers.
 */
export type ValueKind = 'text' | 'decimal' | 'enum' | 'number' | 'bigint' | 'boolean' | 'json' | 'unknown';

/** The TypeScript type and Zod schema of one element of a column (before `[]` and null). */
export interface ScalarType {
  readonly kind: ValueKind;
  /** TypeScript type, a single name (`string`, `JsonValue`, an enum type). */
  readonly ts: string;
  /** Zod expression, in `import { z } from 'zod'` terms. */
  readonly zod: string;
  /** A shared pattern `zod` refers to by name, or `null`. */
  readonly pattern: SharedPattern | null;
  /** `true` when `ts` is a union (`'a' | 'b'`) and needs parentheses before `[]`. */
  readonly union: boolean;
}

const text = (zod: string): ScalarType => ({ kind: 'text', ts: 'string', zod, pattern: null, union: false });
const number = (zod: string): ScalarType => ({ kind: 'number', ts: 'number', zod, pattern: null, union: false });
const patterned = (pattern: SharedPattern, kind: ValueKind = 'text'): ScalarType => ({
  kind,
  ts: 'string',
  zod: `z.string().regex(${pattern.name})`,
  pattern,
  union: false,
});

/** PostgreSQL text of any type cannot hold U+0000 (22021): refuse it before the database does. */
const noNul: SharedPattern = { name: 'NO_NUL', literal: '/^[^\\0]*$/' };
const nulFree = (zod: string): ScalarType => ({
  kind: 'text',
  ts: 'string',
  zod: `${zod}.regex(${noNul.name})`,
  pattern: noNul,
  union: false,
});
const plainString = nulFree('z.string()');
const unknownType: ScalarType = { kind: 'unknown', ts: 'unknown', zod: 'z.unknown()', pattern: null, union: false };
/**
 * `jsonb` refuses `\u0000` (22P05) and an unpaired surrogate (22P02) in any string or key,
 * however deep.
 */
export const jsonbUnsafe = '/\\u0000|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/';
/**
 * One `JSONB` schema the module declares once and every `jsonb` column uses: the replacer of
 * `JSON.stringify` visits every key and string value, however deep.
 */
const jsonbSchema: SharedPattern = {
  name: 'JSONB',
  literal:
    `z.json().refine((v) => { const unsafe = ${jsonbUnsafe}; let ok = true; ` +
    "JSON.stringify(v, (k, x) => { if (unsafe.test(k) || (typeof x === 'string' && unsafe.test(x))) ok = false; return x; }); return ok; }, " +
    "'jsonb cannot hold U+0000 or an unpaired surrogate')",
};
const jsonb: ScalarType = { kind: 'json', ts: 'JsonValue', zod: jsonbSchema.name, pattern: jsonbSchema, union: false };

/**
 * Types whose mapping does not depend on modifiers. Values are what JSON carries (PostgreSQL's
 * `to_json` text): date and time types are ISO strings, `bytea` its `\x` hex text. Types that
 * are text on the wire but have no dedicated format check here (`interval`, `inet`, ...) are
 * plain strings.
 */
const fixedTypes: Readonly<Record<string, ScalarType>> = {
  // Any 8-4-4-4-12 hex string, like PostgreSQL's `uuid`: `z.uuid()` would also demand RFC 9562
  // version and variant bits, rejecting values PostgreSQL stores (`11111111-1111-...`).
  uuid: text('z.guid()'),
  text: plainString,
  citext: plainString,
  name: plainString,
  interval: plainString,
  inet: plainString,
  cidr: plainString,
  macaddr: plainString,
  macaddr8: plainString,
  money: plainString,
  xml: plainString,
  integer: number('z.int32()'),
  smallint: number('z.int().min(-32768).max(32767)'),
  // node-postgres sends the number's text, which PostgreSQL's float4 input rejects when it
  // underflows to zero (1e-46, Number.MIN_VALUE).
  real: number("z.float32().refine((v) => v === 0 || Math.fround(v) !== 0, 'Too small for real')"),
  'double precision': number('z.number()'),
  bigint: { kind: 'bigint', ts: 'bigint', zod: 'z.int64()', pattern: null, union: false },
  boolean: { kind: 'boolean', ts: 'boolean', zod: 'z.boolean()', pattern: null, union: false },
  // `json` keeps the text as given, `\u0000` and lone surrogates included.
  json: { kind: 'json', ts: 'JsonValue', zod: 'z.json()', pattern: null, union: false },
  jsonb,
  // PostgreSQL has no year 0 and takes offsets up to ±15:59; ISO 8601 has both.
  'timestamp with time zone': text(
    `z.iso.datetime({ offset: true }).refine((v) => !v.startsWith('0000') && !/[+-](?:1[6-9]|2\\d):?\\d\\d$/.test(v), 'Out of PostgreSQL range')`,
  ),
  'timestamp without time zone': text(`z.iso.datetime({ local: true }).refine((v) => !v.startsWith('0000'), 'Out of PostgreSQL range')`),
  date: text(`z.iso.date().refine((v) => !v.startsWith('0000'), 'Out of PostgreSQL range')`),
  'time without time zone': text('z.iso.time()'),
  'time with time zone': patterned({
    name: 'TIME_WITH_TIME_ZONE',
    literal: '/^(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?)$/',
  }),
  bytea: patterned({ name: 'BYTEA_HEX', literal: '/^\\\\x(?:[0-9a-fA-F]{2})*$/' }),
};

/**
 * The TypeScript type and Zod schema of one element of `type`. `enumName` is the generated name
 * of the enum when `type.enum` names one of the schema's enums (its TypeScript type;
 * `<enumName>Schema` in Zod). A type
 * Wesley does not know is `unknown`: nothing is checked rather than something wrong.
 */
export function scalarType(type: ColumnTypeIR, enumName: string | null): ScalarType {
  if (enumName !== null) return { kind: 'enum', ts: enumName, zod: `${enumName}Schema`, pattern: null, union: false };
  // An enum the IR does not list (a hand-made IR): its values are still strings.
  if (type.enum !== null) return plainString;
  const fixed = fixedTypes[type.base];
  if (fixed !== undefined) return fixed;
  switch (type.base) {
    case 'character varying':
    case 'character': {
      // A bare `character` is `character(1)`; a bare `varchar` has no limit.
      const length = type.modifiers[0] ?? (type.base === 'character' ? 1 : undefined);
      return length === undefined ? plainString : nulFree(`z.string().max(${length})`);
    }
    // Bit strings as PostgreSQL prints them: `bit(n)` exactly n digits (a bare `bit` is `bit(1)`),
    // `bit varying(n)` at most n.
    case 'bit': {
      const length = type.modifiers[0] ?? 1;
      return patterned({ name: `BIT_${length}`, literal: `/^[01]{${length}}$/` });
    }
    case 'bit varying': {
      const length = type.modifiers[0];
      return length === undefined
        ? patterned({ name: 'VARBIT', literal: '/^[01]*$/' })
        : patterned({ name: `VARBIT_${length}`, literal: `/^[01]{0,${length}}$/` });
    }
    case 'numeric':
      return patterned(decimalPattern(type.modifiers), 'decimal');
    default:
      return unknownType;
  }
}
