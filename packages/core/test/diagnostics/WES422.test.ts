import { describe, expect, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

const lines = `type Other @wes_table {
  id: Int! @wes_pk
}
type OrderLine @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id")
  otherId: Int @wes_fk(ref: "Other.id")
  amountCents: Int
  note: String
}
`;
const order = (fields: string) => `${lines}type Order @wes_table {\n  id: Int! @wes_pk\n${fields}}\n`;

describe('@wes_derived diagnostics (WES422-WES426)', () => {
  it('WES422: from names a missing table or field, of a missing field', () => {
    const result = compileShop(
      order(`  a: Int! @wes_derived(fn: count, from: "OrderLine.nope")
  b: Int! @wes_derived(fn: count, from: "Nope.orderId")
  c: Int @wes_derived(fn: max, from: "OrderLine.orderId", of: "amountCent")
`),
    );
    expectDiagnostics(result, [
      { code: 'WES422', line: 13, column: 41, mentions: ['OrderLine', 'nope'] },
      { code: 'WES422', line: 14, column: 41, mentions: ['Nope', '@wes_table'] },
      { code: 'WES422', line: 15, column: 63, mentions: ['OrderLine', 'amountCent'], help: 'amountCents' },
    ]);
    expect(result.ir).toBeNull();
  });

  it('WES423: from is not a foreign key, or one to another table', () => {
    const result = compileShop(
      order(`  a: Int! @wes_derived(fn: count, from: "OrderLine.amountCents")
  b: Int! @wes_derived(fn: count, from: "OrderLine.otherId")
`),
    );
    expectDiagnostics(result, [
      { code: 'WES423', line: 13, column: 41, mentions: ['OrderLine.amountCents', 'not a foreign key to order'], help: '@wes_fk' },
      { code: 'WES423', line: 14, column: 41, mentions: ['OrderLine.otherId', 'foreign key to other'] },
    ]);
  });

  it('WES424: an unknown fn, of missing or given where it has no meaning', () => {
    const result = compileShop(
      order(`  a: Int! @wes_derived(fn: average, from: "OrderLine.orderId")
  b: Int @wes_derived(fn: sum, from: "OrderLine.orderId")
  c: Int! @wes_derived(fn: count, from: "OrderLine.orderId", of: "amountCents")
`),
    );
    expectDiagnostics(result, [
      { code: 'WES424', line: 13, column: 28, mentions: 'average', help: 'count, sum, min, max, exists' },
      { code: 'WES424', line: 14, column: 10, mentions: ['sum', 'of'] },
      { code: 'WES424', line: 15, column: 66, mentions: ['count', 'of'], help: 'remove of' },
    ]);
  });

  it('WES425: sum of a non-numeric column', () => {
    const result = compileShop(order(`  a: Int @wes_derived(fn: sum, from: "OrderLine.orderId", of: "note")\n`));
    expectDiagnostics(result, [{ code: 'WES425', line: 13, column: 63, mentions: ['OrderLine.note', 'text'] }]);
  });

  it('WES426: a type that does not fit the fn, or a directive the triggers would fight', () => {
    const result = compileShop(
      order(`  a: Int @wes_derived(fn: count, from: "OrderLine.orderId")
  b: Int! @wes_derived(fn: max, from: "OrderLine.orderId", of: "amountCents")
  c: String! @wes_derived(fn: exists, from: "OrderLine.orderId")
  d: String @wes_derived(fn: sum, from: "OrderLine.orderId", of: "amountCents")
  e: Int! @wes_derived(fn: count, from: "OrderLine.orderId") @wes_default(value: 3)
`),
    );
    expectDiagnostics(result, [
      { code: 'WES426', line: 13, column: 6, mentions: ['Order.a', 'count'], help: 'Int!' },
      { code: 'WES426', line: 14, column: 6, mentions: ['Order.b', 'max', 'NULL'], help: 'nullable' },
      { code: 'WES426', line: 15, column: 6, mentions: ['Order.c', 'boolean'], help: 'Boolean!' },
      { code: 'WES426', line: 16, column: 6, mentions: ['Order.d', 'numeric'] },
      { code: 'WES426', line: 17, column: 62, mentions: ['Order.e', '@wes_default'] },
    ]);
  });

  it('lowers each fn with its child, key, column and the default of no rows', () => {
    const result = compileShop(
      order(`  lineCount: Int! @wes_derived(fn: count, from: "OrderLine.orderId")
  totalCents: BigInt! @wes_derived(fn: SUM, from: "OrderLine.orderId", of: "amountCents")
  maybeTotal: Int @wes_derived(fn: sum, from: "OrderLine.orderId", of: "amount_cents")
  cheapest: Int @wes_derived(fn: min, from: "OrderLine.orderId", of: "amountCents")
  hasLines: Boolean! @wes_derived(fn: exists, from: "OrderLine.orderId")
`),
    );
    expectDiagnostics(result, []);
    const columns = result.ir?.tables.find((t) => t.name === 'order')?.columns.slice(1);
    const key = { foreignKey: 'order_line_order_id_fkey', kind: 'derived', table: 'order_line' };
    expect(columns?.map((c) => [c.name, c.derived, c.default])).toEqual([
      ['line_count', { ...key, column: null, fn: 'count' }, { kind: 'literal', value: '0' }],
      ['total_cents', { ...key, column: 'amount_cents', fn: 'sum' }, { kind: 'literal', value: '0' }],
      ['maybe_total', { ...key, column: 'amount_cents', fn: 'sum' }, null],
      ['cheapest', { ...key, column: 'amount_cents', fn: 'min' }, null],
      ['has_lines', { ...key, column: null, fn: 'exists' }, { kind: 'literal', value: 'false' }],
    ]);
  });
});
