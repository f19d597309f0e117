import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES012 duplicate table name', () => {
  it('points at the second type whose default table name is taken, and back at the first', () => {
    const result = compileShop(`type OrderItem @wes_table {
  id: ID! @wes_pk
}
type Order_Item @wes_table {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [
      {
        code: 'WES012',
        line: 4,
        column: 6,
        mentions: ['Order_Item', 'OrderItem', 'order_item'],
        related: [{ line: 1, column: 6, mentions: ['OrderItem', 'order_item'] }],
      },
    ]);
  });

  it('points at an enum whose PostgreSQL type name is a table name, and back at the table', () => {
    const result = compileShop(`enum OrderStatus { PENDING PAID }
type OrderStatusHistory @wes_table(name: "order_status") {
  id: ID! @wes_pk
}
type Order @wes_table {
  id: ID! @wes_pk
  status: OrderStatus!
}`);
    expectDiagnostics(result, [
      {
        code: 'WES012',
        line: 1,
        column: 6,
        mentions: ['OrderStatus', 'OrderStatusHistory', 'order_status'],
        related: [{ line: 2, column: 42, mentions: ['OrderStatusHistory', 'order_status'] }],
      },
    ]);
  });
});
