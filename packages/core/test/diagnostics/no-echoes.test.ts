import { describe, expect, it } from 'vitest';
import { compileSchema } from '@wesley/core';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

/** One mistake, one diagnostic: later checks stay quiet about what an earlier one reported. */
describe('no echoes of an earlier diagnostic', () => {
  it('a key field whose type is unknown does not also leave the table "without a primary key"', () => {
    const result = compileShop(`type Order @wes_table {
  id: Identifier! @wes_pk
  total: Int
}`);
    expectDiagnostics(result, [{ code: 'WES010', line: 2, column: 7, mentions: 'Identifier' }]);
  });

  it('an index or foreign key naming a broken field is not reported again', () => {
    const result = compileShop(`type Customer @wes_table @wes_index(columns: ["region"]) {
  id: ID! @wes_pk
  region: [[String]]
}
type Order @wes_table {
  id: ID! @wes_pk
  region: String @wes_fk(ref: "Customer.region")
}`);
    expectDiagnostics(result, [{ code: 'WES032', line: 3, column: 11, mentions: 'Customer.region' }]);
  });

  it('a misspelt @wes_table is one WES003, not one WES007 per field', () => {
    const result = compileShop(`type Order @wes_tabel {
  id: ID! @wes_pk
  total: Int @wes_default(value: 0)
}`);
    expectDiagnostics(result, [{ code: 'WES003', line: 1, column: 12, mentions: '@wes_tabel', help: '@wes_table' }]);
  });

  it('a misspelt @wes_pk is one WES003, not also WES011', () => {
    const result = compileShop('type Order @wes_table {\n  id: ID! @wes_pkey\n}');
    expectDiagnostics(result, [{ code: 'WES003', line: 2, column: 11, mentions: '@wes_pkey', help: '@wes_pk' }]);
  });

  it('a duplicate type is reported once, at the repeat, without WES008 or WES013 echoes', () => {
    const result = compileShop(`type Order @wes_table {
  id: ID! @wes_pk
}
type Order @wes_table {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES002', line: 4, column: 6, mentions: 'Order' }]);
  });

  it('a rejected legacy spelling gets no deprecation warning on top', () => {
    const result = compileShop('type Order @wes_table {\n  id: ID! @wes_pk @primaryKey\n}');
    expectDiagnostics(result, [{ code: 'WES008', line: 2, column: 19, mentions: ['@primaryKey', '@wes_pk'] }]);
  });

  it('a rejected rule is not also "a constraint without any rule"', () => {
    const result = compileShop('type Order @wes_table {\n  id: ID! @wes_pk\n  note: String @wes_constraint(min: 1)\n}');
    expectDiagnostics(result, [{ code: 'WES027', line: 3, column: 37, mentions: 'min' }]);
  });

  it('a syntax error in one file mutes missing-type echoes in the others but not their own mistakes', () => {
    const result = compileSchema([
      { name: 'customer.graphql', body: 'type Customer @wes_table { id: ID! @wes_pk' },
      {
        name: 'order.graphql',
        body: 'type Order @wes_table {\n  id: ID! @wes_pk\n  customer: Customer\n  total: Int @wes_default(value: "x")\n}',
      },
    ]);
    expect(result.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['customer.graphql', 'WES001'],
      ['order.graphql', 'WES018'],
    ]);
  });
});

describe('directives outside tables and fields', () => {
  it('reports unknown directives on enums, values, inputs, scalars, interfaces, unions and arguments', () => {
    const result = compileShop(`enum Status @bogus { OPEN @bogus }
input OrderInput { note: String @bogus }
scalar Money @bogus
interface Node @bogus { id: ID! }
union Thing @bogus = Order
type Order @wes_table {
  id: ID! @wes_pk
}
type Query { orders(first: Int @bogus): [Order] }`);
    expectDiagnostics(result, [
      { code: 'WES003', line: 1, column: 13, mentions: '@bogus' },
      { code: 'WES003', line: 1, column: 27, mentions: '@bogus' },
      { code: 'WES003', line: 2, column: 33, mentions: '@bogus' },
      { code: 'WES003', line: 3, column: 14, mentions: '@bogus' },
      { code: 'WES003', line: 4, column: 16, mentions: '@bogus' },
      { code: 'WES003', line: 5, column: 13, mentions: '@bogus' },
      { code: 'WES003', line: 9, column: 32, mentions: '@bogus' },
    ]);
  });

  it('reports Wesley directives there as misplaced', () => {
    const result = compileShop(`enum Status @wes_table { OPEN }
interface Node @wes_table { id: ID! @wes_pk }
type Order @wes_table {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [
      { code: 'WES007', line: 1, column: 13, mentions: ['@wes_table', 'enum'] },
      { code: 'WES007', line: 2, column: 16, mentions: ['@wes_table', 'interface'] },
      { code: 'WES007', line: 2, column: 37, mentions: '@wes_pk' },
    ]);
  });

  it('leaves declared user directives there alone', () => {
    expect(
      compileShop('directive @doc on ENUM | ENUM_VALUE\nenum Status @doc { OPEN @doc }\ntype Order @wes_table { id: ID! @wes_pk }')
        .diagnostics,
    ).toEqual([]);
  });
});

describe('suggestions', () => {
  it('offers every equally close directive', () => {
    const [d] = compileShop('type Order @wes_table {\n  id: ID! @wes_pk\n  sku: String @wes_uniq\n}').diagnostics;
    expect(d?.help).toContain('@wes_unique');
  });
});
