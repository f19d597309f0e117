import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES007 directive used in the wrong place', () => {
  it('points at a field directive on a type and a type directive on a field', () => {
    const result = compileShop(`type Order @wes_table @wes_default(value: 1) {
  id: ID! @wes_pk @wes_table
}`);
    expectDiagnostics(result, [
      { code: 'WES007', line: 1, column: 23, mentions: '@wes_default', help: 'fields' },
      { code: 'WES007', line: 2, column: 19, mentions: '@wes_table', help: 'object types' },
    ]);
  });

  it('points at Wesley directives on a type that is not a table', () => {
    const result = compileShop(`type Address @wes_index(columns: ["postcode"]) {
  street: String! @wes_column(name: "street_line")
  postcode: String!
}`);
    expectDiagnostics(result, [
      { code: 'WES007', line: 1, column: 14, mentions: ['@wes_index', 'Address'], help: '@wes_table' },
      { code: 'WES007', line: 2, column: 19, mentions: ['@wes_column', 'Address'], help: '@wes_table' },
    ]);
  });

  it('points at a column directive on a relation field', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  orders: [Order!]! @wes_unique
}
type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.id")
}`);
    expectDiagnostics(result, [{ code: 'WES007', line: 3, column: 21, mentions: ['@wes_unique', 'Customer.orders'] }]);
  });

  it('points at a row-level security directive on a field', () => {
    const result = compileShop(`type Order @wes_table {
  id: ID! @wes_pk
  storeId: ID! @wes_tenant(by: "store_id")
}`);
    expectDiagnostics(result, [{ code: 'WES007', line: 3, column: 16, mentions: '@wes_tenant', help: 'object types' }]);
  });

  it('points at a user directive in a location its declaration does not allow', () => {
    const result = compileShop(`directive @audit on OBJECT
type Customer @wes_table {
  id: ID! @wes_pk @audit
}`);
    expectDiagnostics(result, [{ code: 'WES007', line: 3, column: 19, mentions: ['@audit', 'FIELD_DEFINITION'] }]);
  });
});
