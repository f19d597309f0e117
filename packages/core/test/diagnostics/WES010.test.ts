import { describe, expect, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES010 unknown scalar', () => {
  it('points at each type name that is neither declared nor built in', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  email: Email!
  balance: Money
}`);
    expectDiagnostics(result, [
      { code: 'WES010', line: 3, column: 10, mentions: 'Email' },
      { code: 'WES010', line: 4, column: 12, mentions: 'Money' },
    ]);
  });

  it('suggests the built-in scalar a typo is close to', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  name: Strin
}`);
    expectDiagnostics(result, [{ code: 'WES010', line: 3, column: 9, mentions: 'Strin', help: '"String"' }]);
  });

  it('points at a field whose declared scalar has no PostgreSQL type', () => {
    const result = compileShop(`scalar Email
type Customer @wes_table {
  id: ID! @wes_pk
  email: Email!
}`);
    expectDiagnostics(result, [{ code: 'WES010', line: 4, column: 10, mentions: 'Email', help: 'scalars' }]);
  });

  it('accepts a declared scalar mapped in the config or given an explicit column type', () => {
    const body = `scalar Email
type Customer @wes_table {
  id: ID! @wes_pk
  email: Email!
  backupEmail: Email @wes_column(type: "citext")
}`;
    expectDiagnostics(compileShop(body, { scalars: { Email: 'citext' } }), []);
    const result = compileShop(body.replace('email: Email!', 'email: String!'));
    expectDiagnostics(result, []);
    expect(result.ir?.tables[0]?.columns.map((c) => c.type.sql)).toEqual(['uuid', 'text', 'citext']);
  });
});
