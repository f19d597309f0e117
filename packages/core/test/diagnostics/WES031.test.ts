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
      { code: 'WES031', line: 4, column: 52, mentions: ['product', 'product_not_negative'], help: 'another name' },
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
    expectDiagnostics(result, [{ code: 'WES031', line: 7, column: 53, mentions: 'order_customer' }]);
  });
});
