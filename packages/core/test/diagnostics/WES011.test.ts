import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES011 table without a primary key', () => {
  it('points at the name of a table with no @wes_pk', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID!
  email: String!
}`);
    expectDiagnostics(result, [{ code: 'WES011', line: 1, column: 6, mentions: 'Customer', help: '@wes_pk' }]);
  });

  it('points at a table that has only relation fields', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
type Wishlist @wes_table {
  owner: Customer!
}`);
    expectDiagnostics(result, [{ code: 'WES011', line: 4, column: 6, mentions: 'Wishlist' }]);
  });
});
