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
  it('plans one added to an existing table from an existing child: column, functions and triggers in one step, then the backfill', () => {
    const result = planBetween(shop(''), shop(count));
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.steps.map((s) => [s.id, s.phase, s.locks.map((l) => `${l.relation}:${l.mode}`)])).toEqual([
      [
        'add-column:order.line_count:add',
        'expand',
        ['order:AccessExclusiveLock', 'order_line:AccessShareLock', 'order_line:ShareRowExclusiveLock'],
      ],
      ['add-column:order.line_count:backfill', 'backfill', ['order:RowShareLock', 'order:RowExclusiveLock', 'order_line:AccessShareLock']],
    ]);
    expect(result.plan?.steps[1]?.backfill?.firstBatch).toContain('SET line_count = wesley_derived_order_line_count_value("order".id)');
  });

  it('refuses one whose child table the same plan creates, at the change that adds it', () => {
    const { locate, asked } = recordingLocate();
    const lines = shop(count).slice(shop(count).indexOf('type OrderLine'));
    const result = planBetween(
      'type Order @wes_table {\n  id: Int! @wes_pk\n}\n',
      `${shop(count).slice(0, shop(count).indexOf('type OrderLine'))}${lines}`,
      { locate },
    );
    expect(result.plan).toBeNull();
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['WES427', 'error', expect.stringContaining('adds derived column order.line_count')],
    ]);
    expect(asked.map((c) => c.kind)).toContain('addColumn');
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
