import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

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
});
