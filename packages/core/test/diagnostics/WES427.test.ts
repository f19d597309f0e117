import { describe, expect, it } from 'vitest';
import { planBetween, recordingLocate } from './plan-diagnostics.js';

const shop = (orderFields: string) => `type Order @wes_table {
  id: Int! @wes_pk
${orderFields}}
type OrderLine @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id")
  amountCents: Int
}
`;
const count = '  lineCount: Int! @wes_derived(fn: count, from: "OrderLine.orderId")\n';
const sum = '  lineCount: Int! @wes_derived(fn: sum, from: "OrderLine.orderId", of: "amountCents")\n';

describe('WES427 derived column added, dropped or changed by a plan', () => {
  it('refuses a plan that adds one, at the change that adds it: no plan rather than a column without its triggers', () => {
    const { locate, asked } = recordingLocate();
    const result = planBetween(shop(''), shop(count), { locate });
    expect(result.plan).toBeNull();
    expect(asked.map((c) => c.kind)).toEqual(['addColumn']);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line, d.message])).toEqual([
      ['WES427', 'error', 11, expect.stringContaining('adds derived column order.line_count')],
    ]);
  });

  it('refuses a plan that drops one (its triggers would make every write of the child fail) or changes its fn', () => {
    const dropped = planBetween(shop(count), shop(''), { allowDestructive: true });
    expect(dropped.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['WES427', expect.stringContaining('drops derived column order.line_count')],
    ]);
    const changed = planBetween(shop(count), shop(sum));
    expect(changed.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['WES427', expect.stringContaining('changes derived column order.line_count')],
    ]);
  });

  it('plans a change beside a derived column that stays as it is', () => {
    const result = planBetween(shop(count), shop(`${count}  note: String\n`));
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.steps.map((s) => s.id)).toEqual(['add-column:order.note']);
  });
});
