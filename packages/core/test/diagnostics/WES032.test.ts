import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES032 nested list type', () => {
  it('points at the type of each list of lists', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  sizeMatrix: [[Int!]!]
  heatmap: [[[Float]]]!
}`);
    expectDiagnostics(result, [
      { code: 'WES032', line: 3, column: 15, mentions: 'Product.sizeMatrix', help: 'JSON' },
      { code: 'WES032', line: 4, column: 12, mentions: 'Product.heatmap', help: 'JSON' },
    ]);
  });
});
