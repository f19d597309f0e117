import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics, expectErrors } from './expect-diagnostic.js';

describe('WES002 invalid GraphQL SDL', () => {
  it('points at the name of a type that is extended but never defined', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
extend type Product {
  sku: String
}`);
    expectDiagnostics(result, [{ code: 'WES002', line: 4, column: 13, mentions: 'Product' }]);
  });

  it('points at the second schema definition', () => {
    const result = compileShop(`type Query {
  customers: [String!]!
}
type Mutation {
  addCustomer(email: String!): String
}
schema { query: Query }
schema { mutation: Mutation }`);
    expectDiagnostics(result, [{ code: 'WES002', line: 8, column: 1, mentions: 'schema' }]);
  });

  it('points at the second definition of a type, and back at the first', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
type Customer @wes_table {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [
      { code: 'WES002', line: 4, column: 6, mentions: 'Customer', related: [{ line: 1, column: 6, mentions: 'first' }] },
    ]);
  });

  it('points at the second definition of a field, and back at the first', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  email: String!
  email: String
}`);
    expectErrors(result, [{ code: 'WES002', line: 4, column: 3, mentions: 'email', related: [{ line: 3, column: 3, mentions: 'first' }] }]);
  });

  it('points at an extension of another kind of type, and back at the type', () => {
    const result = compileShop(`enum Status { OPEN CLOSED }
extend type Status {
  note: String
}`);
    expectErrors(result, [
      { code: 'WES002', line: 2, column: 1, mentions: 'Status', related: [{ line: 1, column: 1, mentions: 'defined' }] },
    ]);
  });
});
