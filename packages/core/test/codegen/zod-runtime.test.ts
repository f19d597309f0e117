/**
 * The generated Zod module at run time: written verbatim as a `.mjs` file (it holds no
 * TypeScript-only syntax) next to a `node_modules` that resolves `zod`, imported, and fed good
 * and bad values one field at a time.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { emitZod } from '../../src/codegen/emit-zod.js';
import { everything } from './codegen-fixtures.js';
import { generatedProject, type GeneratedProject } from './generated-project.js';

type Schemas = Record<string, z.ZodType>;

const uuid = '550e8400-e29b-41d4-a716-446655440000';

/** A valid row of `all_types`; each case changes one field. */
const allTypesRow = {
  id: uuid,
  textValue: 'text',
  citextValue: null,
  varcharValue: 'x'.repeat(20),
  varcharAny: 'y'.repeat(1000),
  charValue: 'abc',
  smallValue: 1,
  intValue: 2,
  bigValue: 3n,
  realValue: 1.5,
  doubleValue: 1e300,
  numericAny: '123456789012345678901234567890.123456789',
  price: '1234567890.12',
  ratio: '0.99',
  whole: '99999',
  flag: true,
  createdAt: '2024-01-31T10:00:00.123456+05:30',
  localAt: '2024-01-31T10:00:00',
  day: '2024-02-29',
  atTime: '10:00:00.5',
  atTimeTz: '10:00:00+00',
  payload: { a: [1, 'x', null, { b: false }] },
  rawJson: null,
  blob: '\\x01ff',
  span: '1 day',
  ip: '10.0.0.1/8',
  location: { x: 1, y: 2 },
  status: 'PENDING',
  mood: "it's fine",
  tags: ['a', 'b'],
  scores: null,
  statuses: ['PAID', 'SHIPPED'],
  total: '2.5',
};

const customerRow = {
  id: uuid,
  email: 'ada@example.com',
  ssn: '123-45-6789',
  birthDate: '1815-12-10',
  age: 36,
  tier: "o'reilly",
  level: 2,
  credit: '1000.00',
  karma: -5n,
  nickname: null,
  aliases: ['a'],
  statuses: ['PAID'],
  isVip: true,
  neverSet: null,
};

/** [field, value, accepted] for `AllTypesSchema`. */
const allTypesCases: [string, unknown, boolean][] = [
  ['id', '11111111-1111-1111-1111-111111111111', true], // any hex layout, as PostgreSQL's uuid
  ['id', '550E8400-E29B-41D4-A716-446655440000', true],
  ['id', 'not-a-uuid', false],
  ['id', '550e8400e29b41d4a716446655440000', false],
  ['createdAt', '2024-01-31T10:00:00Z', true],
  ['createdAt', '2024-01-31T10:00:00', false],
  ['createdAt', '2024-02-30T10:00:00Z', false],
  ['createdAt', '2024-01-31 10:00:00+00', false],
  ['localAt', '2024-01-31T10:00:00.5', true],
  ['localAt', '2024-01-31T10:00:00+01:00', false],
  ['day', '2023-02-29', false],
  ['day', '2024-1-1', false],
  ['atTime', '23:59:59', true],
  ['atTime', '24:00:01', false],
  ['atTimeTz', '10:00:00.25-03:30', true],
  ['atTimeTz', '10:00:00', false],
  ['smallValue', 32767, true],
  ['smallValue', -32768, true],
  ['smallValue', 32768, false],
  ['intValue', 2147483647, true],
  ['intValue', -2147483648, true],
  ['intValue', 2147483648, false],
  ['intValue', -2147483649, false],
  ['intValue', 1.5, false],
  ['intValue', '1', false],
  ['bigValue', 2n ** 63n - 1n, true],
  ['bigValue', -(2n ** 63n), true],
  ['bigValue', 2n ** 63n, false],
  ['bigValue', -(2n ** 63n) - 1n, false],
  ['bigValue', 1, false],
  ['realValue', 3.4e38, true],
  ['realValue', 3.5e38, false],
  ['doubleValue', Number.POSITIVE_INFINITY, false],
  ['doubleValue', Number.NaN, false],
  ['varcharValue', 'x'.repeat(21), false],
  ['varcharValue', '', true],
  ['charValue', 'abcd', false],
  ['price', '-0.5', true],
  ['price', '.5', true],
  ['price', '5.', true],
  ['price', '+00000001234567890.1', true],
  ['price', '12345678901.12', false],
  ['price', '1.234', false],
  ['price', '1e5', false],
  ['price', 'NaN', false],
  ['price', '', false],
  ['price', '-', false],
  ['price', '.', false],
  ['price', ' 1', false],
  ['price', 12.5, false],
  ['ratio', '.99', true],
  ['ratio', '-0.01', true],
  ['ratio', '1.00', false],
  ['whole', '-99999', true],
  ['whole', '100000', false],
  ['whole', '1.5', false],
  ['numericAny', '-.000001', true],
  ['numericAny', '1.2.3', false],
  ['flag', 'true', false],
  ['payload', null, true],
  ['payload', 'just a string', true],
  ['payload', undefined, false],
  ['payload', { date: new Date() }, false],
  ['blob', '\\x', true],
  ['blob', '\\x012', false],
  ['blob', '01ff', false],
  ['location', 'anything', true],
  ['status', 'PAID', true],
  ['status', 'paid', false],
  ['mood', null, true],
  ['mood', 'so-so', true],
  ['mood', 'meh', false],
  ['tags', [], true],
  ['tags', ['a', null], false],
  ['tags', null, false],
  ['scores', [1, 2147483648], false],
  ['statuses', ['PAID', 'LOST'], false],
  ['citextValue', undefined, false], // a nullable column is still a required key of a row
  ['total', 'not a number', false],
];

/** [field, value, accepted] for `CustomerSchema`: the value rules. */
const customerCases: [string, unknown, boolean][] = [
  ['email', `${'a'.repeat(190)}@example.com`, false], // maxLength 200 (tighter than varchar(255))
  ['email', 'no-at-sign', false],
  ['email', 'a/b@example.com', false],
  ['age', 0, true],
  ['age', 150, true],
  ['age', -1, false],
  ['age', 151, false],
  ['tier', 'pro', true],
  ['tier', 'enterprise', false],
  ['level', 3, true],
  ['level', 4, false],
  ['level', '1', false],
  ['credit', '0', true],
  ['credit', '1000.01', false],
  ['credit', '-0.01', false],
  ['karma', 5n, true],
  ['karma', 6n, false],
  ['karma', -6n, false],
  ['nickname', 'x', false],
  ['nickname', 'xy', true],
  ['aliases', ['a', 'b'], true],
  ['aliases', ['c'], false],
  ['statuses', ['PENDING'], false],
  ['isVip', false, false],
  ['neverSet', 'anything', false],
];

describe('generated Zod module at run time', () => {
  let project: GeneratedProject;
  let schemas: Schemas;

  beforeAll(async () => {
    project = generatedProject();
    const path = project.write('zod.mjs', emitZod(everything));
    schemas = (await import(pathToFileURL(path).href)) as Schemas;
  });

  afterAll(() => project.dispose());

  const schema = (name: string): z.ZodType => {
    const found = schemas[name];
    if (found === undefined) throw new Error(`no export ${name}`);
    return found;
  };

  it('accepts the valid rows', () => {
    expect(schema('AllTypesSchema').safeParse(allTypesRow).error).toBeUndefined();
    expect(schema('CustomerSchema').safeParse(customerRow).error).toBeUndefined();
  });

  it.each(allTypesCases)('AllTypesSchema: %s = %o is accepted: %s', (field, value, accepted) => {
    const result = schema('AllTypesSchema').safeParse({ ...allTypesRow, [field]: value });
    expect(result.success).toBe(accepted);
    if (!accepted) expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([field]);
  });

  it.each(customerCases)('CustomerSchema: %s = %o is accepted: %s', (field, value, accepted) => {
    const result = schema('CustomerSchema').safeParse({ ...customerRow, [field]: value });
    expect(result.success).toBe(accepted);
    if (!accepted) expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([field]);
  });

  it('insert: defaulted and nullable columns may be left out; null only where nullable', () => {
    const insert = schema('OrderInsertSchema');
    expect(insert.safeParse({ id: 1n, customerId: uuid }).success).toBe(true);
    expect(insert.safeParse({ id: 1n, customerId: uuid, note: null, status: undefined }).success).toBe(true);
    expect(insert.safeParse({ id: 1n, customerId: uuid, status: null }).success).toBe(false);
    expect(insert.safeParse({ customerId: uuid }).success).toBe(false);
    expect(schema('OrderSchema').safeParse({ id: 1n, customerId: uuid, status: 'PAID' }).success).toBe(false);
  });

  it('insert: generated columns are not part of it (dropped from the parsed value)', () => {
    const parsed = schema('OrderLineInsertSchema').parse({ orderId: 1n, lineNo: 1, amount: '1.00', answer: 7 });
    expect(parsed).toEqual({ orderId: 1n, lineNo: 1, amount: '1.00' });
    expect(schema('OrderLineSchema').parse({ orderId: 1n, lineNo: 1, amount: '1.00', answer: 7 })).toHaveProperty('answer', 7);
  });

  it('public schema: leaves the sensitive columns out', () => {
    const parsed = schema('CustomerPublicSchema').parse(customerRow) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(
      Object.keys(customerRow)
        .filter((key) => key !== 'ssn' && key !== 'birthDate')
        .sort(),
    );
  });

  it('odd field names: quoted keys work, `__proto__` is an own key of the shape', () => {
    const odd = schema('OddNamesSchema') as z.ZodObject;
    const row = JSON.parse('{"id":1,"__proto__":"p","constructor":null,"two words":2,"café":"x"}') as object;
    expect(odd.safeParse(row).success).toBe(true);
    expect(odd.safeParse({ ...row, 'two words': 'x' }).success).toBe(false);
    expect(odd.safeParse({ ...row, constructor: 1 }).success).toBe(false);
    // Written plainly, `__proto__: z.string()` would set the shape's prototype. Zod 4 itself then
    // skips a `__proto__` key when parsing (see README), so that column is typed but not checked.
    expect(Object.keys(odd.shape)).toEqual(['id', '__proto__', 'constructor', 'two words', 'café']);
  });

  it('enum schemas: exactly the labels', () => {
    const mood = schema('MoodSchema');
    const labels = everything.enums.find((e) => e.name === 'mood')?.values ?? [];
    expect(labels).toHaveLength(6);
    for (const label of labels) expect(mood.parse(label)).toBe(label);
    expect(mood.safeParse('OK').success).toBe(false);
    expect(schema('NothingSchema').safeParse('x').success).toBe(false);
  });
});
