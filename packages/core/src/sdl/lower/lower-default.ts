import type { DefaultIR, ColumnTypeIR } from '../../ir/types.js';
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
  const text = literalText(value as LiteralValue, type, enumValues);
  if (typeof text === 'object') {
    ctx.sink.report('WES018', argAnchor(d, 'value'), `${where}: ${text.problem}`, text.help);
    return null;
  }
  return { kind: 'literal', value: text };
}

type Misfit = { readonly problem: string; readonly help: string };

function literalText(value: LiteralValue, type: ColumnTypeIR, enumValues: readonly string[] | undefined): string | Misfit {
  if (type.array) {
    if (value.literal === 'string') return value.text;
    if (value.literal !== 'list') return misfit(value, type, 'a list such as ["a", "b"]');
    const element = { ...type, array: false, sql: type.base };
    const parts: string[] = [];
    for (const item of value.items) {
      const text = literalText(item, element, enumValues);
      if (typeof text === 'object') return text;
      parts.push(arrayElement(text));
    }
    return `{${parts.join(',')}}`;
  }
  if (value.literal === 'list') return misfit(value, type, 'a single value');
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

function misfit(value: LiteralValue, type: ColumnTypeIR, expected: string): Misfit {
  return {
    problem: `default ${value.literal === 'string' ? JSON.stringify(value.text) : value.text} does not fit column type ${type.sql}`,
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
