import { describe, expect, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES428 derived columns whose functions or triggers have the same name', () => {
  it('order.line_count and order_line.count would both be wesley_derived_order_line_count: the second is refused, pointing at the first', () => {
    const result = compileShop(`type Order @wes_table {
  id: Int! @wes_pk
  lineCount: Int! @wes_derived(fn: count, from: "Item.orderId")
}
type Item @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id")
}
type OrderLine @wes_table {
  id: Int! @wes_pk
  count: Int! @wes_derived(fn: count, from: "Sub.lineId")
}
type Sub @wes_table {
  id: Int! @wes_pk
  lineId: Int @wes_fk(ref: "OrderLine.id")
}
`);
    expectDiagnostics(result, [
      { code: 'WES428', line: 11, column: 15, mentions: ['OrderLine.count', 'Order.lineCount', 'wesley_derived_order_line_count'] },
    ]);
    expect(result.diagnostics[0]?.related).toEqual([
      expect.objectContaining({ line: 3, column: 19, message: 'Order.lineCount is derived here' }),
    ]);
    expect(result.ir).toBeNull();
  });

  it("a column's TRUNCATE trigger and the row trigger of a column named <column>_truncate over the same child", () => {
    const result = compileShop(`type Order @wes_table {
  id: Int! @wes_pk
  lines: Int! @wes_derived(fn: count, from: "Line.orderId")
  linesTruncate: Boolean! @wes_derived(fn: exists, from: "Line.orderId")
}
type Line @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id")
}
`);
    expectDiagnostics(result, [{ code: 'WES428', line: 4, column: 27, mentions: ['Order.linesTruncate', 'Order.lines'] }]);
  });

  it('distinct names compile', () => {
    const result = compileShop(`type Order @wes_table {
  id: Int! @wes_pk
  lines: Int! @wes_derived(fn: count, from: "Line.orderId")
  hasLines: Boolean! @wes_derived(fn: exists, from: "Line.orderId")
}
type Line @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id")
}
`);
    expect(result.diagnostics).toEqual([]);
  });
});
