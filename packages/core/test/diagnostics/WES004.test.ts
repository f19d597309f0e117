import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES004 unknown directive argument', () => {
  it('points at a misspelt argument name and suggests the right one', () => {
    const result = compileShop(`type Customer @wes_table(nam: "customers") {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES004', line: 1, column: 26, mentions: ['@wes_table', 'nam'], help: '"name"' }]);
  });

  it('says when a directive takes no arguments, and still honours the directive', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk(auto: true)
}`);
    // No WES011: the key is still declared, only its argument is wrong.
    expectDiagnostics(result, [{ code: 'WES004', line: 2, column: 19, mentions: ['@wes_pk', 'auto'], help: 'no arguments' }]);
  });

  it('points at an argument missing from the declaration of a user directive', () => {
    const result = compileShop(`directive @audit(level: Int) on OBJECT
type Customer @wes_table @audit(lvl: 1) {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES004', line: 2, column: 33, mentions: ['lvl', '@audit'], help: '"level"' }]);
  });
});
