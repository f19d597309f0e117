import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

const customer = `type Customer @wes_table {
  id: ID! @wes_pk
}
`;

describe('WES014 foreign key reference is malformed or names a missing table', () => {
  it('points at a ref that is not Type.field', () => {
    const result = compileShop(`${customer}type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer->id")
}`);
    expectDiagnostics(result, [{ code: 'WES014', line: 6, column: 32, mentions: 'Customer->id', help: '"Customer.id"' }]);
  });

  it('points at a ref to a type that does not exist, with a suggestion when one is close', () => {
    const result = compileShop(`${customer}type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Custmer.id")
  warehouseId: ID! @wes_fk(ref: "Warehouse.id")
}`);
    expectDiagnostics(result, [
      { code: 'WES014', line: 6, column: 32, mentions: 'Custmer', help: '"Customer"' },
      { code: 'WES014', line: 7, column: 33, mentions: 'Warehouse', help: '@wes_table' },
    ]);
  });

  it('points at a ref to an object type that is not a table', () => {
    const result = compileShop(`type Customer {
  id: ID!
}
type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.id")
}`);
    expectDiagnostics(result, [{ code: 'WES014', line: 6, column: 32, mentions: 'Customer', help: '@wes_table' }]);
  });

  it('points at @wes_fk on a relation field and shows where it belongs', () => {
    const result = compileShop(`${customer}type Order @wes_table {
  id: ID! @wes_pk
  customer: Customer! @wes_fk(ref: "Customer.id")
}`);
    expectDiagnostics(result, [{ code: 'WES014', line: 6, column: 23, mentions: ['@wes_fk', 'Order.customer'], help: 'customerId' }]);
  });

  it('points at a ref without a field when the target has no single-column key', () => {
    const result = compileShop(`type Region @wes_table @wes_pk(columns: ["country", "code"]) {
  country: String!
  code: String!
}
type Store @wes_table {
  id: ID! @wes_pk
  regionCode: String! @wes_fk(ref: "Region")
}`);
    expectDiagnostics(result, [{ code: 'WES014', line: 7, column: 36, mentions: 'Region', help: '"Region.<field>"' }]);
  });

  it('accepts a ref without a field when the target has a single-column key', () => {
    const result = compileShop(`${customer}type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer")
}`);
    expectDiagnostics(result, []);
  });
});
