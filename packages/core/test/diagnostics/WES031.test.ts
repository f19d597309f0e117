import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES031 duplicate constraint or index name', () => {
  it('points at the second check with a taken name', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  price: Decimal! @wes_check(expr: "price >= 0", name: "product_not_negative")
  stock: Int! @wes_check(expr: "stock >= 0", name: "product_not_negative")
}`);
    expectDiagnostics(result, [
      {
        code: 'WES031',
        line: 4,
        column: 52,
        mentions: ['product', 'product_not_negative'],
        help: 'another name',
        related: [{ line: 3, column: 56, mentions: 'check constraint' }],
      },
    ]);
  });

  it('points at a foreign key named like a check of the same table', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
type Order @wes_table {
  id: ID! @wes_pk
  total: Decimal! @wes_check(expr: "total >= 0", name: "order_customer")
  customerId: ID! @wes_fk(ref: "Customer.id", name: "order_customer")
}`);
    expectDiagnostics(result, [
      { code: 'WES031', line: 7, column: 53, mentions: 'order_customer', related: [{ line: 6, column: 56, mentions: 'check' }] },
    ]);
  });

  it('points at an index named like a table or a default key name, and back at what has the name', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
type Order @wes_table @wes_index(columns: ["total"], name: "customer_pkey") @wes_index(columns: ["id"], name: "customer") {
  id: ID! @wes_pk
  total: Int!
}`);
    expectDiagnostics(result, [
      {
        code: 'WES031',
        line: 4,
        column: 60,
        mentions: 'customer_pkey',
        related: [{ line: 1, column: 6, mentions: 'default name of the primary key' }],
      },
      { code: 'WES031', line: 4, column: 111, mentions: 'customer', related: [{ line: 1, column: 6, mentions: 'table customer' }] },
    ]);
  });

  it('points at a check named like an index of its table, and back at the index', () => {
    const result = compileShop(`type Product @wes_table @wes_check(expr: "stock >= 0", name: "product_stock") {
  id: ID! @wes_pk
  stock: Int! @wes_index(name: "product_stock")
}`);
    expectDiagnostics(result, [
      { code: 'WES031', line: 1, column: 62, mentions: 'product_stock', related: [{ line: 3, column: 32, mentions: 'index' }] },
    ]);
  });
});
