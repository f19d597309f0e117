import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES015 foreign key references a missing field', () => {
  it('points at each ref to a field the target does not have, suggesting a close one', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  email: String! @wes_unique
}
type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: "Customer.uid")
  customerEmail: String @wes_fk(ref: "Customer.emial")
}`);
    expectDiagnostics(result, [
      { code: 'WES015', line: 7, column: 32, mentions: ['Customer', 'uid'], help: '"Customer.id"' },
      { code: 'WES015', line: 8, column: 38, mentions: ['Customer', 'emial'], help: '"Customer.email"' },
    ]);
  });
});
