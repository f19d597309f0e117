import { describe, it } from 'vitest';
import { compileSchema } from '@wesley/core';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES001 GraphQL syntax error', () => {
  it('points at the token where a colon is missing', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  name String!
}`);
    expectDiagnostics(result, [{ code: 'WES001', line: 3, column: 8, mentions: ['":"', 'String'] }]);
  });

  it('points at the end of the text when a type is not closed', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  name: String!`);
    expectDiagnostics(result, [{ code: 'WES001', line: 3, column: 16, mentions: '<EOF>' }]);
  });

  it('points at a single-quoted string and says to use double quotes', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  price: Decimal! @wes_check(expr: 'price > 0')
}`);
    expectDiagnostics(result, [{ code: 'WES001', line: 3, column: 36, mentions: ["'", 'double quote'] }]);
  });

  it('names the file that does not parse and still checks the others', () => {
    const result = compileSchema([
      { name: 'schema/customers.graphql', body: 'type Customer @wes_table {\n  id: ID! @wes_pk\n  email: String!\n}\n' },
      { name: 'schema/products.graphql', body: 'type Product @wes_table {\n  id: ID! @wes_pk\n  sku String!\n}\n' },
      { name: 'schema/reviews.graphql', body: 'type Review @wes_table {\n  body: String!\n}\n' },
    ]);
    expectDiagnostics(result, [
      { code: 'WES001', file: 'schema/products.graphql', line: 3, column: 7, mentions: 'String' },
      { code: 'WES011', file: 'schema/reviews.graphql', line: 1, column: 6, mentions: 'Review' },
    ]);
  });
});
