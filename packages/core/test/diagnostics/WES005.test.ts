import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES005 missing required directive argument', () => {
  it('points at each directive that lacks its required argument', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
type Order @wes_table @wes_index(name: "order_by_customer") {
  id: ID! @wes_pk
  customerId: ID! @wes_fk
  total: Int! @wes_check
}`);
    expectDiagnostics(result, [
      { code: 'WES005', line: 4, column: 23, mentions: ['@wes_index', 'columns'], help: 'columns:' },
      { code: 'WES005', line: 6, column: 19, mentions: ['@wes_fk', 'ref'], help: 'ref:' },
      { code: 'WES005', line: 7, column: 15, mentions: ['@wes_check', 'expr'], help: 'expr:' },
    ]);
  });

  it('points at the directive when a partition lacks its column', () => {
    const result = compileShop(`type Event @wes_table @wes_partition(strategy: RANGE) {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES005', line: 1, column: 23, mentions: ['@wes_partition', 'by'] }]);
  });

  it('points at a user directive that lacks an argument its declaration requires', () => {
    const result = compileShop(`directive @audit(level: Int!) on OBJECT
type Customer @wes_table @audit {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES005', line: 2, column: 26, mentions: ['@audit', 'level'] }]);
  });
});
