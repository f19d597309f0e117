import { describe, expect, it } from 'vitest';
import { parseDefault } from '../src/introspect/parse-default.js';

describe('parseDefault', () => {
  it.each([
    ["'pending'::order_status", 'pending'],
    ['\'happy\'::"Mood"', 'happy'],
    ['42', '42'],
    ["'-5'::integer", '-5'],
    ['true', 'true'],
    ['false', 'false'],
    ['12.50', '12.50'],
    ["'a''b'::text", "a'b"],
    ["'x'::character varying", 'x'],
    ["'{a,b}'::text[]", '{a,b}'],
    ["''::text", ''],
    ["'2020-01-01 00:00:00+00'::timestamp(3) with time zone", '2020-01-01 00:00:00+00'],
  ])('%s is the literal %j', (sql, value) => {
    expect(parseDefault(sql)).toEqual({ kind: 'literal', value });
  });

  it.each([
    'now()',
    'CURRENT_TIMESTAMP',
    'gen_random_uuid()',
    '(1 + 2)',
    "('x'::text || 'y'::text)",
    "'1 day'::interval + now()",
    "('2147483648'::bigint)::integer",
    "nextval('orders_id_seq'::regclass)",
  ])('%s is an expression', (sql) => {
    expect(parseDefault(sql)).toEqual({ kind: 'expression', sql });
  });
});
