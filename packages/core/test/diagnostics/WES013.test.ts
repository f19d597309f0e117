import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES013 duplicate column name', () => {
  it('points at the second field that snake-cases to a taken column name, and back at the first', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  firstName: String!
  first_name: String
}`);
    expectDiagnostics(result, [
      {
        code: 'WES013',
        line: 4,
        column: 3,
        mentions: ['first_name', 'firstName'],
        help: '@wes_column(name:',
        related: [{ line: 3, column: 3, mentions: ['Customer.firstName', 'first_name'] }],
      },
    ]);
  });

  it('points at a field whose name is taken by an explicit column name', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  email: String! @wes_column(name: "mail")
  mail: String
}`);
    expectDiagnostics(result, [
      { code: 'WES013', line: 4, column: 3, mentions: ['Customer.mail', 'email'], related: [{ line: 3, column: 36, mentions: 'email' }] },
    ]);
  });

  it('points at a clashing field added by an extension', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  firstName: String!
}
extend type Customer {
  first_name: String
}`);
    expectDiagnostics(result, [
      {
        code: 'WES013',
        line: 6,
        column: 3,
        mentions: ['first_name', 'firstName'],
        related: [{ line: 3, column: 3, mentions: 'firstName' }],
      },
    ]);
  });
});
