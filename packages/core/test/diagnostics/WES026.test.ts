import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES026 generated column cannot have a default', () => {
  it('points at the default of a computed column', () => {
    const result = compileShop(`type OrderLine @wes_table {
  id: ID! @wes_pk
  quantity: Int!
  unitPrice: Decimal!
  total: Decimal! @wes_computed(expr: "quantity * unit_price") @wes_default(value: 0)
}`);
    expectDiagnostics(result, [{ code: 'WES026', line: 5, column: 64, mentions: 'OrderLine.total', help: '@wes_default' }]);
  });
});
