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
