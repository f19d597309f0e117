import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES029 invalid explicit column type', () => {
  it('points at each @wes_column(type:) that is not a type name', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  price: Decimal! @wes_column(type: "numeric(12,2")
  sku: String! @wes_column(name: "sku_code", type: "varchar(abc)")
  name: String! @wes_column(type: "text; drop table product")
}`);
    expectDiagnostics(result, [
      { code: 'WES029', line: 3, column: 37, mentions: 'numeric(12,2', help: 'numeric(12,2)' },
      { code: 'WES029', line: 4, column: 52, mentions: 'varchar(abc)' },
      { code: 'WES029', line: 5, column: 35, mentions: 'text; drop table product' },
    ]);
  });

  it('reports a config scalar mapped to something that is not a type name', () => {
    const result = compileShop(
      `type Customer @wes_table {
  id: ID! @wes_pk
  email: String!
}`,
      { scalars: { Email: 'citext', Money: 'numeric(12,2' } },
    );
    expectDiagnostics(result, [
      { code: 'WES029', file: '<config>', line: 1, column: 1, mentions: ['Money', 'numeric(12,2'], help: 'scalars' },
    ]);
  });
});
