import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES006 directive argument has the wrong type', () => {
  it('points at each argument value of the wrong kind', () => {
    const result = compileShop(`type Customer @wes_table(name: customers) {
  id: ID! @wes_pk
  email: String! @wes_unique(name: 5)
  rank: Int @wes_weight(value: "high")
  tags: [String!] @wes_index(where: true)
}`);
    expectDiagnostics(result, [
      { code: 'WES006', line: 1, column: 32, mentions: ['@wes_table(name:)', 'customers'], help: 'name: "..."' },
      { code: 'WES006', line: 3, column: 36, mentions: ['@wes_unique(name:)', '5'] },
      { code: 'WES006', line: 4, column: 32, mentions: ['@wes_weight(value:)', '"high"'], help: 'value: 1' },
      { code: 'WES006', line: 5, column: 37, mentions: ['@wes_index(where:)', 'true'] },
    ]);
  });

  it('points at a list with an item that is not a string', () => {
    const result = compileShop(`type Order @wes_table @wes_index(columns: ["customerId", 2]) {
  id: ID! @wes_pk
  customerId: ID!
}`);
    expectDiagnostics(result, [{ code: 'WES006', line: 1, column: 43, mentions: ['@wes_index(columns:)', 'list of strings'] }]);
  });

  it('reports a required argument of the wrong type once, not also as missing', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
type Order @wes_table {
  id: ID! @wes_pk
  customerId: ID! @wes_fk(ref: 42)
}`);
    expectDiagnostics(result, [{ code: 'WES006', line: 6, column: 32, mentions: ['@wes_fk(ref:)', '42'] }]);
  });

  it('points at an index access method that is not a name', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  tags: [String!] @wes_index(using: "gin fast")
}`);
    expectDiagnostics(result, [{ code: 'WES006', line: 3, column: 37, mentions: 'gin fast', help: 'btree' }]);
  });
});
