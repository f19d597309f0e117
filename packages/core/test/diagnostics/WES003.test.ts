import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES003 unknown directive', () => {
  it('points at a misspelt Wesley directive on a field and suggests the right one', () => {
    const result = compileShop(`type Order @wes_table {
  id: ID! @wes_pk
  status: String! @wes_defualt(value: "pending")
}`);
    expectDiagnostics(result, [{ code: 'WES003', line: 3, column: 19, mentions: '@wes_defualt', help: '@wes_default' }]);
  });

  it('points at an unknown directive on a table type', () => {
    const result = compileShop(`type Product @wes_table @cached(ttl: 60) {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES003', line: 1, column: 25, mentions: '@cached', help: 'directive @cached' }]);
  });

  it('tells how to declare an undeclared directive of the user', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  note: String @audit
}`);
    expectDiagnostics(result, [{ code: 'WES003', line: 3, column: 16, mentions: '@audit', help: 'directive @audit on' }]);
  });

  it('accepts a directive the SDL declares itself', () => {
    const result = compileShop(`directive @audit on FIELD_DEFINITION
type Customer @wes_table {
  id: ID! @wes_pk
  note: String @audit
}`);
    expectDiagnostics(result, []);
  });
});
