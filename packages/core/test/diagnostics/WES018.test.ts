import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES018 default does not fit the column type', () => {
  it('points at each literal default the column cannot hold and says what it can', () => {
    const result = compileShop(`enum OrderStatus { PENDING PAID SHIPPED }
type Order @wes_table {
  id: ID! @wes_pk
  status: OrderStatus! @wes_default(value: CANCELLED)
  quantity: Int! @wes_default(value: "one")
  points: Int @wes_default(value: 3000000000)
  total: Decimal! @wes_default(value: true)
  paid: Boolean! @wes_default(value: 0)
  note: String @wes_default(value: 5)
  trackingId: UUID @wes_default(value: "abc")
  currency: String @wes_column(type: "varchar(3)") @wes_default(value: "EURO")
  meta: JSON @wes_default(value: "{oops")
  tags: [String!] @wes_default(value: 3)
  lineCount: Int @wes_default(value: [1, 2])
}`);
    expectDiagnostics(result, [
      { code: 'WES018', line: 4, column: 44, mentions: ['CANCELLED', 'order_status'], help: 'PENDING, PAID, SHIPPED' },
      { code: 'WES018', line: 5, column: 38, mentions: ['"one"', 'integer'], help: 'an integer' },
      { code: 'WES018', line: 6, column: 35, mentions: ['3000000000', 'integer'], help: '2147483647' },
      { code: 'WES018', line: 7, column: 39, mentions: ['true', 'numeric'], help: 'a number' },
      { code: 'WES018', line: 8, column: 38, mentions: ['0', 'boolean'], help: 'true or false' },
      { code: 'WES018', line: 9, column: 36, mentions: ['5', 'text'], help: 'a string' },
      { code: 'WES018', line: 10, column: 40, mentions: ['"abc"', 'uuid'], help: 'UUID' },
      { code: 'WES018', line: 11, column: 72, mentions: ['"EURO"', 'character varying(3)'], help: 'at most 3 characters' },
      { code: 'WES018', line: 12, column: 34, mentions: ['"{oops"', 'jsonb'], help: 'JSON' },
      { code: 'WES018', line: 13, column: 39, mentions: ['3', 'text[]'], help: 'a list' },
      { code: 'WES018', line: 14, column: 38, mentions: ['[1, 2]', 'integer'], help: 'a single value' },
    ]);
  });

  it('accepts defaults that fit', () => {
    const result = compileShop(`enum OrderStatus { PENDING PAID SHIPPED }
type Order @wes_table {
  id: ID! @wes_pk
  status: OrderStatus! @wes_default(value: PENDING)
  quantity: Int! @wes_default(value: 1)
  total: Decimal! @wes_default(value: 12.50)
  paid: Boolean! @wes_default(value: false)
  tags: [String!] @wes_default(value: ["new", "web"])
  placedAt: DateTime! @wes_default(expr: "now()")
}`);
    expectDiagnostics(result, []);
  });
});

describe('WES018 for defaults the generated Zod would refuse', () => {
  it('points at dates, times and timestamps that do not exist or are not in the validated form', () => {
    const result = compileShop(`type Event @wes_table {
  id: ID! @wes_pk
  day: Date @wes_default(value: "2020-02-30")
  other: Date @wes_default(value: "not a date")
  leap: Date @wes_default(value: "2023-02-29")
  at: Time @wes_default(value: "25:00")
  late: Time @wes_default(value: "23:60")
  stamp: DateTime @wes_default(value: "2024-01-31T10:00:00")
  local: DateTime @wes_column(type: "timestamp") @wes_default(value: "2024-13-01T00:00:00")
  fine: Date @wes_default(value: "2024-02-29")
  fineAt: Time @wes_default(value: "23:59:59.5")
  fineStamp: DateTime @wes_default(value: "2024-01-31T10:00:00+01:00")
}`);
    expectDiagnostics(result, [
      { code: 'WES018', line: 3, column: 33, mentions: ['"2020-02-30"', 'date'], help: 'a date that exists' },
      { code: 'WES018', line: 4, column: 35, mentions: '"not a date"' },
      { code: 'WES018', line: 5, column: 34, mentions: '"2023-02-29"' },
      { code: 'WES018', line: 6, column: 32, mentions: ['"25:00"', 'time without time zone'], help: '23:59:59' },
      { code: 'WES018', line: 7, column: 34, mentions: '"23:60"' },
      { code: 'WES018', line: 8, column: 39, mentions: ['"2024-01-31T10:00:00"', 'timestamp with time zone'], help: 'offset' },
      { code: 'WES018', line: 9, column: 70, mentions: ['"2024-13-01T00:00:00"', 'timestamp without time zone'] },
    ]);
  });

  it('points at numbers a float cannot hold and decimals past numeric(p, s)', () => {
    const result = compileShop(`type Price @wes_table {
  id: ID! @wes_pk
  ratio: Float @wes_default(value: 1e400)
  small: Float @wes_column(type: "real") @wes_default(value: 1e39)
  amount: Decimal @wes_column(type: "numeric(5,2)") @wes_default(value: 12345.678)
  fraction: Decimal @wes_column(type: "numeric(5,2)") @wes_default(value: "1.234")
  big: Decimal @wes_column(type: "numeric(5,2)") @wes_default(value: 1.5e3)
  huge: Decimal @wes_default(value: 1e400)
  fine: Decimal @wes_column(type: "numeric(5,2)") @wes_default(value: 1.5e2)
  fineRatio: Float @wes_default(value: 1.7e308)
}`);
    expectDiagnostics(result, [
      { code: 'WES018', line: 3, column: 36, mentions: ['1e400', 'double precision'], help: 'finite' },
      { code: 'WES018', line: 4, column: 62, mentions: ['1e39', 'real'] },
      {
        code: 'WES018',
        line: 5,
        column: 73,
        mentions: ['12345.678', 'numeric(5,2)'],
        help: 'at most 3 digits before the point and 2 after',
      },
      { code: 'WES018', line: 6, column: 75, mentions: '"1.234"' },
      { code: 'WES018', line: 7, column: 70, mentions: '1.5e3' },
    ]);
  });

  it('points at bit strings, jsonb with U+0000, a char longer than 1, and a default the column rules forbid', () => {
    const result = compileShop(`type Flags @wes_table {
  id: ID! @wes_pk
  mask: String @wes_column(type: "bit(4)") @wes_default(value: "101")
  bits: String @wes_column(type: "varbit(2)") @wes_default(value: "012")
  doc: JSON @wes_default(value: "{\\"a\\": \\"\\\\u0000\\"}")
  letter: String @wes_column(type: "char") @wes_default(value: "ab")
  age: Int @wes_constraint(min: 0, max: 150) @wes_default(value: -1)
  handle: String @wes_constraint(pattern: "^[a-z]+$") @wes_default(value: "Ada")
  share: Decimal @wes_constraint(max: 100) @wes_default(value: "100.0000000000000001")
  fine: String @wes_column(type: "bit(4)") @wes_default(value: "1010")
}`);
    expectDiagnostics(result, [
      { code: 'WES018', line: 3, column: 64, mentions: ['"101"', 'bit(4)'], help: 'exactly 4 binary digits' },
      { code: 'WES018', line: 4, column: 67, mentions: '"012"' },
      { code: 'WES018', line: 5, column: 33, mentions: 'jsonb', help: 'u0000' },
      { code: 'WES018', line: 6, column: 64, mentions: ['"ab"', 'character'], help: 'at most 1 character,' },
      { code: 'WES018', line: 7, column: 66, mentions: ['-1', '@wes_constraint'] },
      { code: 'WES018', line: 8, column: 75, mentions: ['"Ada"', '@wes_constraint'] },
      { code: 'WES018', line: 9, column: 64, mentions: '100.0000000000000001' },
    ]);
  });
});
