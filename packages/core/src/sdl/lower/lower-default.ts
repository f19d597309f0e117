import { acceptsValue } from '../../codegen/accepts-value.js';
import { plainDecimal } from '../../codegen/plain-decimal.js';
import type { DefaultIR, ColumnTypeIR, ValueRulesIR } from '../../ir/types.js';
import { argAnchor, literalArg, one, stringArg } from '../directive-args.js';
import type { LiteralValue } from '../read-directives.js';
import type { DirectiveMap } from '../read-directives.js';
import type { LowerContext } from './lower-context.js';

const integerRanges: Readonly<Record<string, readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};
const decimalTypes = new Set(['numeric', 'double precision', 'real']);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const numericText = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * `@wes_default(value:)` or `@wes_default(expr:)`, checked against the column type:
 * exactly one of the two, and a literal that the column can hold.
 */
export function lowerDefault(
  where: string,
  directives: DirectiveMap,
  type: ColumnTypeIR,
  enumValues: readonly string[] | undefined,
  rules: ValueRulesIR | null,
  ctx: LowerContext,
): DefaultIR | null {
  const d = one(directives, 'wes_default');
  if (d === undefined) return null;
  const value = literalArg(d, 'value');
  const expr = stringArg(d, 'expr');
  if ((value === undefined) === (expr === undefined)) {
    ctx.sink.report(
      'WES019',
      d.node,
      `@wes_default on ${where} needs exactly one of \`value\` or \`expr\``,
      'write @wes_default(value: "literal") or @wes_default(expr: "now()")',
    );
    return null;
  }
  if (expr !== undefined) return { kind: 'expression', sql: expr };
  const text = literalText(value as LiteralValue, type, enumValues, rules);
  if (typeof text === 'object') {
    ctx.sink.report('WES018', argAnchor(d, 'value'), `${where}: ${text.problem}`, text.help);
    return null;
  }
  return { kind: 'literal', value: text };
}

type Misfit = { readonly problem: string; readonly help: string };

function literalText(
  value: LiteralValue,
  type: ColumnTypeIR,
  enumValues: readonly string[] | undefined,
  rules: ValueRulesIR | null,
): string | Misfit {
  if (type.array) {
    if (value.literal === 'string') return value.text;
    if (value.literal !== 'list') return misfit(value, type, 'a list such as ["a", "b"]');
    const element = { ...type, array: false, sql: type.base };
    const parts: string[] = [];
    for (const item of value.items) {
      const text = literalText(item, element, enumValues, rules);
      if (typeof text === 'object') return text;
      parts.push(arrayElement(text));
    }
    return `{${parts.join(',')}}`;
  }
  if (value.literal === 'list') return misfit(value, type, 'a single value');
  const text = elementText(value, type, enumValues);
  if (typeof text === 'object') return text;
  // What the generated Zod sees of this default when it reads the row back.
  const seen = zodValue(text, type, enumValues);
  if (!acceptsValue(type, null, seen, enumValues)) return misfit(value, type, expectation(type));
  if (!acceptsValue(type, rules, seen, enumValues)) {
    return {
      ...misfit(value, type, "a value the column's @wes_constraint rules allow"),
      problem: `default ${shown(value)} breaks the column's @wes_constraint rules`,
    };
  }
  return text;
}

/** The literal's text for a single element, after the checks of its shape (a number for a number, ...). */
function elementText(value: LiteralValue, type: ColumnTypeIR, enumValues: readonly string[] | undefined): string | Misfit {
  if (enumValues !== undefined) {
    if ((value.literal === 'enum' || value.literal === 'string') && enumValues.includes(value.text)) return value.text;
    return misfit(value, type, `one of ${enumValues.join(', ')}`);
  }
  const range = integerRanges[type.base];
  if (range !== undefined) {
    if (value.literal !== 'int' && !(value.literal === 'string' && /^[+-]?\d+$/.test(value.text))) {
      return misfit(value, type, 'an integer');
    }
    const n = BigInt(value.text);
    if (n < range[0] || n > range[1]) return misfit(value, type, `an integer from ${range[0]} to ${range[1]}`);
    return n.toString();
  }
  if (decimalTypes.has(type.base)) {
    const ok = value.literal === 'int' || value.literal === 'float' || (value.literal === 'string' && numericText.test(value.text));
    if (!ok) return misfit(value, type, 'a number');
    return type.base === 'numeric' ? value.text : String(Number(value.text));
  }
  if (type.base === 'boolean') {
    if (value.literal === 'boolean' || (value.literal === 'string' && /^(true|false)$/.test(value.text))) return value.text;
    return misfit(value, type, 'true or false');
  }
  if (value.literal !== 'string') return misfit(value, type, 'a string');
  if (type.base === 'uuid' && !uuidPattern.test(value.text))
    return misfit(value, type, 'a UUID such as "00000000-0000-0000-0000-000000000000"');
  if (
    (type.base === 'character varying' || type.base === 'character') &&
    type.modifiers[0] !== undefined &&
    [...value.text].length > type.modifiers[0]
  ) {
    return misfit(value, type, `at most ${type.modifiers[0]} characters`);
  }
  if ((type.base === 'jsonb' || type.base === 'json') && !isJson(value.text)) return misfit(value, type, 'JSON text such as "{}"');
  return value.text;
}

/** An element of an array literal, quoted only where PostgreSQL's `array_out` would quote it. */
function arrayElement(text: string): string {
  const plain = text !== '' && !/[{}",\\\s]/.test(text) && text.toUpperCase() !== 'NULL';
  return plain ? text : `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * The default as the application gets it back, which the generated Zod must accept: a number,
 * bigint or boolean for those types, a `numeric` as its plain decimal text (PostgreSQL stores
 * `1.5e3` as `1500`), JSON parsed, anything else the string itself.
 */
function zodValue(text: string, type: ColumnTypeIR, enumValues: readonly string[] | undefined): unknown {
  if (enumValues !== undefined) return text;
  if (type.base === 'bigint') return BigInt(text);
  if (integerRanges[type.base] !== undefined || type.base === 'real' || type.base === 'double precision') return Number(text);
  if (type.base === 'numeric') return plainDecimal(text);
  if (type.base === 'boolean') return text === 'true';
  if (type.base === 'json' || type.base === 'jsonb') return JSON.parse(text) as unknown;
  if (type.base.startsWith('timestamp')) return isoTimestamp(text);
  return text;
}

/** PostgreSQL's output spelling of a timestamp (`2024-01-31 09:30:00+00`) as the ISO text Zod reads (`2024-01-31T09:30:00+00:00`); anything else as given. */
function isoTimestamp(text: string): string {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d)(:\d\d(?:\.\d+)?)?(?:([+-]\d\d):?(\d\d)?)?$/.exec(text);
  if (m === null) return text;
  const [, day, hhmm, seconds = ':00', offsetHours, offsetMinutes = '00'] = m;
  return `${day}T${hhmm}${seconds}${offsetHours === undefined ? '' : `${offsetHours}:${offsetMinutes}`}`;
}

/** What a column of `type` takes, for the help line. */
function expectation(type: ColumnTypeIR): string {
  const [n, scale = 0] = type.modifiers;
  switch (type.base) {
    case 'date':
      return 'a date that exists, YYYY-MM-DD, from year 0001';
    case 'time without time zone':
      return 'a time HH:MM[:SS[.ffffff]], up to 23:59:59.999999';
    case 'time with time zone':
      return 'a time with an offset, such as "10:00:00+02"';
    case 'timestamp with time zone':
      return 'a date and time with its offset, such as "2024-01-31T10:00:00Z"';
    case 'timestamp without time zone':
      return 'a date and time such as "2024-01-31T10:00:00"';
    case 'real':
    case 'double precision':
      return `a finite number within ${type.base}'s range`;
    case 'numeric':
      return n === undefined
        ? 'a plain decimal number'
        : `a decimal with at most ${Math.max(n - scale, 0)} digits before the point and ${Math.max(scale, 0)} after`;
    case 'bit':
      return `exactly ${n ?? 1} binary digits`;
    case 'bit varying':
      return n === undefined ? 'binary digits' : `at most ${n} binary digits`;
    case 'jsonb':
      return 'JSON without \\u0000 or an unpaired surrogate';
    case 'bytea':
      return 'hex bytes such as "\\x0a1b"';
    case 'character':
      return (n ?? 1) === 1 ? 'at most 1 character' : `at most ${n} characters`;
    default:
      return `a ${type.sql} value without U+0000`;
  }
}

function shown(value: LiteralValue): string {
  return value.literal === 'string' ? JSON.stringify(value.text) : value.text;
}

function misfit(value: LiteralValue, type: ColumnTypeIR, expected: string): Misfit {
  return {
    problem: `default ${shown(value)} does not fit column type ${type.sql}`,
    help: `give ${expected}, or use @wes_default(expr: "...") for an SQL expression`,
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
