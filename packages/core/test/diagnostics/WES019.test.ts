import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES019 default needs exactly one of value or expr', () => {
  it('points at a default with neither and at one with both', () => {
    const result = compileShop(`type Order @wes_table {
  id: ID! @wes_pk
  placedAt: DateTime! @wes_default
  createdAt: DateTime! @wes_default(value: "2024-01-01T00:00:00Z", expr: "now()")
}`);
    expectDiagnostics(result, [
      { code: 'WES019', line: 3, column: 23, mentions: ['@wes_default', 'value', 'expr'] },
      { code: 'WES019', line: 4, column: 24, mentions: ['@wes_default', 'value', 'expr'] },
    ]);
  });
});
