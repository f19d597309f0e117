import { describe, it } from 'vitest';
import { compileSchema } from '@wesley/core';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('every mistake is collected in one pass', () => {
  it('reports ten different codes from one shop schema, in source order', () => {
    const result = compileShop(`enum OrderStatus { PENDING PAID SHIPPED }
type Customer @table {
  id: ID! @wes_pk
  email: String! @wes_unique @wes_unique
  firstName: String!
  first_name: String
}
type Product @wes_table {
  id: ID! @wes_pk
  sku: String! @wes_column(type: "varchar(")
  price: Decimal! @wes_constraint(min: 10, max: 1)
  tags: [[String!]]
}
type Order @wes_table @wes_tenant(by: "storeId") {
  id: ID! @wes_pk
  status: OrderStatus! @wes_default(value: LOST)
  customerId: ID! @wes_fk(ref: "Customer.uid")
  placedAt: DateTime! @wes_default
  note: Strin
}
type Review @wes_table {
  body: String!
}`);
    expectDiagnostics(result, [
      { code: 'WES009', severity: 'warning', line: 2, column: 15, mentions: '@table' },
      { code: 'WES008', line: 4, column: 30, mentions: '@wes_unique' },
      { code: 'WES013', line: 6, column: 3, mentions: 'first_name' },
      { code: 'WES029', line: 10, column: 34, mentions: 'varchar(' },
      { code: 'WES027', line: 11, column: 19, mentions: 'min 10' },
      { code: 'WES032', line: 12, column: 9, mentions: 'Product.tags' },
      { code: 'WES020', line: 14, column: 39, mentions: ['@wes_tenant(by:)', 'storeId'] },
      { code: 'WES018', line: 16, column: 44, mentions: 'LOST' },
      { code: 'WES015', line: 17, column: 32, mentions: 'Customer.uid' },
      { code: 'WES019', line: 18, column: 23, mentions: '@wes_default' },
      { code: 'WES010', line: 19, column: 9, mentions: 'Strin' },
      { code: 'WES011', line: 21, column: 6, mentions: 'Review' },
    ]);
  });

  it('collects mistakes from several files, a syntax error included', () => {
    const result = compileSchema([
      { name: 'schema/catalog.graphql', body: 'type Product @wes_table {\n  id: ID! @wes_pk\n  price Decimal!\n}\n' },
      { name: 'schema/customers.graphql', body: 'type Customer @wes_table {\n  id: ID! @wes_pk @wes_index(using: "not a method")\n}\n' },
      {
        name: 'schema/orders.graphql',
        body: 'type Order @wes_table @wes_partition(by: "id", strategy: ROUND_ROBIN) {\n  id: ID! @wes_pk\n  customerId: ID! @wes_fk(ref: "Customer.id", onDelete: SET_NULL)\n}\n',
      },
    ]);
    expectDiagnostics(result, [
      { code: 'WES001', file: 'schema/catalog.graphql', line: 3, column: 9, mentions: 'Decimal' },
      { code: 'WES006', file: 'schema/customers.graphql', line: 2, column: 37, mentions: 'not a method' },
      { code: 'WES022', file: 'schema/orders.graphql', line: 1, column: 58, mentions: 'ROUND_ROBIN' },
      { code: 'WES030', file: 'schema/orders.graphql', line: 3, column: 57, mentions: 'SET NULL' },
    ]);
  });
});
