import { describe, expect, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES009 deprecated directive spelling', () => {
  it('warns at each legacy spelling, names the canonical one, and still compiles', () => {
    const result = compileShop(`type Customer @table(name: "customers") {
  id: ID! @primaryKey
  email: String! @wesley_unique
}`);
    expectDiagnostics(result, [
      { code: 'WES009', severity: 'warning', line: 1, column: 15, mentions: '@table', help: '@wes_table' },
      { code: 'WES009', severity: 'warning', line: 2, column: 11, mentions: '@primaryKey', help: '@wes_pk' },
      { code: 'WES009', severity: 'warning', line: 3, column: 18, mentions: '@wesley_unique', help: '@wes_unique' },
    ]);
    const table = result.ir?.tables[0];
    expect(table?.name).toBe('customers');
    expect(table?.primaryKey?.columns).toEqual(['id']);
    expect(table?.uniques.map((u) => u.columns)).toEqual([['email']]);
  });

  it('warns even when the schema declares the legacy directive', () => {
    const result = compileShop(`directive @table(name: String) on OBJECT
type Customer @table {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES009', severity: 'warning', line: 2, column: 15, mentions: '@table', help: '@wes_table' }]);
    expect(result.ir?.tables.map((t) => t.name)).toEqual(['customer']);
  });
});
