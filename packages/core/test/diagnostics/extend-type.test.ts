import { describe, expect, it } from 'vitest';
import { compileSchema } from '@wesley/core';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('extend type merges into the type', () => {
  it('honours @wes_table and fields added by extensions in another file', () => {
    const result = compileSchema([
      { name: 'schema/customer.graphql', body: 'type Customer {\n  id: ID! @wes_pk\n}\n' },
      {
        name: 'schema/customer-contact.graphql',
        body: 'extend type Customer @wes_table(name: "clients") @wes_index(columns: ["email", "id"]) {\n  email: String! @wes_unique\n}\n',
      },
    ]);
    expectDiagnostics(result, []);
    const table = result.ir?.tables[0];
    expect(table?.name).toBe('clients');
    expect(table?.columns.map((c) => c.name)).toEqual(['id', 'email']);
    expect(table?.primaryKey?.columns).toEqual(['id']);
    expect(table?.uniques.map((u) => u.columns)).toEqual([['email']]);
    expect(table?.indexes.map((i) => i.columns)).toEqual([['email', 'id']]);
  });

  it('reports a mistake in an extension at the extension', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
extend type Customer @wes_index(columns: ["emailAddress"]) {
  email: String!
}`);
    expectDiagnostics(result, [{ code: 'WES020', line: 4, column: 42, mentions: 'emailAddress', help: 'columns: id, email' }]);
  });

  it('checks directives of the type and its extension together', () => {
    const result = compileSchema([
      { name: 'schema/customer.graphql', body: 'type Customer @wes_table {\n  id: ID!\n}\n' },
      { name: 'schema/customer-key.graphql', body: 'extend type Customer @wes_pk(columns: ["id"])\n' },
    ]);
    expectDiagnostics(result, []);
    expect(result.ir?.tables[0]?.primaryKey?.columns).toEqual(['id']);
  });
});
