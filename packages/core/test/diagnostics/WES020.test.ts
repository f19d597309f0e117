import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES020 constraint or index names a missing column', () => {
  it('points at the column list of an index or unique constraint naming a missing column', () => {
    const result = compileShop(`type Order @wes_table
  @wes_index(columns: ["customerId", "placedAt"])
  @wes_unique(columns: ["customerId", "number"]) {
  id: ID! @wes_pk
  customerId: ID!
  placed_at: DateTime!
}`);
    expectDiagnostics(result, [
      { code: 'WES020', line: 2, column: 23, mentions: ['@wes_index', 'placedAt', 'Order'], help: '"placed_at"' },
      { code: 'WES020', line: 3, column: 24, mentions: ['@wes_unique', 'number', 'Order'], help: 'customerId' },
    ]);
  });

  it('points at a partition column that does not exist', () => {
    const result = compileShop(`type Event @wes_table @wes_partition(by: "occurredOn", strategy: RANGE) {
  id: ID! @wes_pk
  occurredAt: DateTime!
}`);
    expectDiagnostics(result, [{ code: 'WES020', line: 1, column: 42, mentions: ['@wes_partition', 'occurredOn'], help: '"occurredAt"' }]);
  });

  it('points at an empty column list', () => {
    const result = compileShop(`type Event @wes_table @wes_index(columns: []) {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES020', line: 1, column: 43, mentions: ['@wes_index', 'no columns'] }]);
  });
});
