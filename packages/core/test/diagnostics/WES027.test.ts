import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES027 invalid value rule', () => {
  it('points at an invalid pattern, crossed bounds and a rule-less @wes_constraint', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  sku: String! @wes_constraint(pattern: "[A-Z")
  price: Decimal! @wes_constraint(min: 10, max: 1)
  color: String @wes_constraint
}`);
    expectDiagnostics(result, [
      { code: 'WES027', line: 3, column: 41, mentions: ['pattern', '[A-Z'] },
      { code: 'WES027', line: 4, column: 19, mentions: ['min 10', 'max 1'] },
      { code: 'WES027', line: 5, column: 17, mentions: '@wes_constraint', help: 'minLength' },
    ]);
  });

  it('points at a text rule on a number column that also has a number rule', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  stock: Int! @wes_constraint(min: 0, maxLength: 5)
}`);
    expectDiagnostics(result, [{ code: 'WES027', line: 3, column: 50, mentions: ['maxLength', 'integer'], help: 'min/max' }]);
  });
});
