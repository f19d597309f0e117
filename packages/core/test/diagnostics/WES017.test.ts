import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES017 foreign key target is not unique', () => {
  it('points at a ref to a column that is neither key nor unique, and at that column', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  email: String!
}
type Order @wes_table {
  id: ID! @wes_pk
  customerEmail: String! @wes_fk(ref: "Customer.email")
}`);
    expectDiagnostics(result, [
      {
        code: 'WES017',
        line: 7,
        column: 39,
        mentions: 'Customer.email',
        help: '@wes_unique',
        related: [{ line: 3, column: 3, mentions: 'Customer.email' }],
      },
    ]);
  });

  it('points at a ref to one column of a composite key', () => {
    const result = compileShop(`type Region @wes_table @wes_pk(columns: ["country", "code"]) {
  country: String!
  code: String!
}
type Store @wes_table {
  id: ID! @wes_pk
  country: String! @wes_fk(ref: "Region.country")
}`);
    expectDiagnostics(result, [
      { code: 'WES017', line: 7, column: 33, mentions: 'Region.country', related: [{ line: 2, column: 3, mentions: 'Region.country' }] },
    ]);
  });
});
