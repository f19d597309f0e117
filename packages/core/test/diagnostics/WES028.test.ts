import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES028 field type is an object that is not a table', () => {
  it('points at the type of a field that embeds a plain object type', () => {
    const result = compileShop(`type Address {
  street: String!
  city: String!
}
type Customer @wes_table {
  id: ID! @wes_pk
  billingAddress: Address!
}`);
    expectDiagnostics(result, [
      { code: 'WES028', line: 7, column: 19, mentions: ['Customer.billingAddress', 'Address'], help: '@wes_table' },
    ]);
  });
});
