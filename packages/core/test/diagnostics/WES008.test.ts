import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics, expectErrors } from './expect-diagnostic.js';

describe('WES008 directive repeated or given in two spellings', () => {
  it('points at the repeat of a directive that is not repeatable, and back at the first use', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk @wes_pk
  email: String! @wes_unique @wes_unique
}`);
    expectDiagnostics(result, [
      { code: 'WES008', line: 2, column: 19, mentions: '@wes_pk', related: [{ line: 2, column: 11, mentions: '@wes_pk' }] },
      { code: 'WES008', line: 3, column: 30, mentions: '@wes_unique', related: [{ line: 3, column: 18, mentions: '@wes_unique' }] },
    ]);
  });

  it('points at a repeat that comes from an extension of the type, and back at the type', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
extend type Customer @wes_table(name: "clients")`);
    expectDiagnostics(result, [
      { code: 'WES008', line: 4, column: 22, mentions: '@wes_table', related: [{ line: 1, column: 15, mentions: '@wes_table' }] },
    ]);
  });

  it('points at the second of two spellings of one directive, and back at the first', () => {
    const result = compileShop(`type Customer @wes_table @table {
  id: ID! @wes_pk @primaryKey
  email: String! @wesley_unique @unique
}`);
    expectErrors(result, [
      {
        code: 'WES008',
        line: 1,
        column: 26,
        mentions: ['@table', '@wes_table'],
        help: '@wes_table',
        related: [{ line: 1, column: 15, mentions: '@wes_table' }],
      },
      {
        code: 'WES008',
        line: 2,
        column: 19,
        mentions: ['@primaryKey', '@wes_pk'],
        help: '@wes_pk',
        related: [{ line: 2, column: 11, mentions: '@wes_pk' }],
      },
      {
        code: 'WES008',
        line: 3,
        column: 33,
        mentions: ['@unique', '@wesley_unique'],
        help: '@wes_unique',
        related: [{ line: 3, column: 18, mentions: '@wesley_unique' }],
      },
    ]);
  });

  it('accepts repeatable directives given several times', () => {
    const result = compileShop(`type Product @wes_table @wes_check(expr: "price >= 0") @wes_check(expr: "stock >= 0") {
  id: ID! @wes_pk
  price: Decimal!
  stock: Int!
  tags: [String!] @wes_index @wes_index(using: gin)
}`);
    expectDiagnostics(result, []);
  });

  it('points at the repeat of a directive of your own, and back at the first use', () => {
    const result = compileShop(`directive @audit on FIELD_DEFINITION
type Customer @wes_table {
  id: ID! @wes_pk @audit @audit
}`);
    expectDiagnostics(result, [
      { code: 'WES008', line: 3, column: 26, mentions: '@audit', related: [{ line: 3, column: 19, mentions: 'first' }] },
    ]);
  });
});
