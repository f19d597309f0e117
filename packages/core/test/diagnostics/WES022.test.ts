import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES022 invalid partitioning', () => {
  it('points at an unknown strategy', () => {
    const result = compileShop(`type Event @wes_table @wes_partition(by: "occurredAt", strategy: ROUND_ROBIN) {
  id: ID! @wes_pk
  occurredAt: DateTime!
}`);
    expectDiagnostics(result, [{ code: 'WES022', line: 1, column: 66, mentions: 'ROUND_ROBIN', help: 'RANGE, LIST or HASH' }]);
  });

  it('points at the columns of a LIST partition over two columns', () => {
    const result = compileShop(`type Event @wes_table @wes_pk(columns: ["id", "region", "kind"])
  @wes_partition(by: "region, kind", strategy: LIST) {
  id: ID!
  region: String!
  kind: String!
}`);
    expectDiagnostics(result, [{ code: 'WES022', line: 2, column: 22, mentions: 'LIST' }]);
  });

  it('points at the partition for each key that lacks the partition column', () => {
    const result = compileShop(`type Event @wes_table @wes_partition(by: "occurredAt", strategy: RANGE) {
  id: ID! @wes_pk
  occurredAt: DateTime!
  reference: String! @wes_unique
}`);
    expectDiagnostics(result, [
      { code: 'WES022', line: 1, column: 23, mentions: ['event_pkey', 'occurred_at'], help: 'primary key' },
      { code: 'WES022', line: 1, column: 23, mentions: ['event_reference_key', 'occurred_at'], help: 'unique constraint' },
    ]);
  });

  it('accepts a key that includes the partition column, in any case of strategy', () => {
    const result =
      compileShop(`type Event @wes_table @wes_pk(columns: ["id", "occurredAt"]) @wes_partition(by: "occurredAt", strategy: "range") {
  id: ID!
  occurredAt: DateTime!
}`);
    expectDiagnostics(result, []);
  });
});
