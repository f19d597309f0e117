import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES021 primary key declared two ways', () => {
  it('points at the type-level key when fields are also marked, and back at each marked field', () => {
    const result = compileShop(`type OrderLine @wes_table @wes_pk(columns: ["orderId", "lineNo"]) {
  orderId: ID! @wes_pk
  lineNo: Int!
}`);
    expectDiagnostics(result, [
      { code: 'WES021', line: 1, column: 27, mentions: ['OrderLine', '@wes_pk'], related: [{ line: 2, column: 16, mentions: 'orderId' }] },
    ]);
  });

  it('points at a type-level key added by an extension', () => {
    const result = compileShop(`type OrderLine @wes_table {
  orderId: ID! @wes_pk
  lineNo: Int!
}
extend type OrderLine @wes_pk(columns: ["orderId", "lineNo"])`);
    expectDiagnostics(result, [
      { code: 'WES021', line: 5, column: 23, mentions: ['OrderLine', '@wes_pk'], related: [{ line: 2, column: 16, mentions: 'orderId' }] },
    ]);
  });
});
