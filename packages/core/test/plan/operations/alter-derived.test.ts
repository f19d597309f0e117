import { describe, expect, it } from 'vitest';
import { planMigration } from '@wesley/core';
import { sdlIR } from '../../support/sdl-ir.js';

const order = (fields: string, name = 'Order', directives = '') => `type ${name} @wes_table${directives} {
  id: Int! @wes_pk
${fields}}`;
const line = (name = 'OrderLine', directives = '', key = 'orderId', parent = 'Order') => `type ${name} @wes_table${directives} {
  id: Int! @wes_pk
  ${key}: Int @wes_fk(ref: "${parent}.id")
  amountCents: Int
}`;
const count = '  lineCount: Int! @wes_derived(fn: count, from: "OrderLine.orderId")\n';
const sum = '  lineCount: Int! @wes_derived(fn: sum, from: "OrderLine.orderId", of: "amountCents")\n';

/** The plan between two SDL versions, as `[id, phase, locks]` rows; throws on a diagnostic. */
function planRows(from: string, to: string, allowDestructive = false) {
  const result = planMigration(sdlIR(from), sdlIR(to), { allowDestructive });
  expect(result.diagnostics).toEqual([]);
  return (result.plan?.steps ?? []).map((s) => [s.id, s.phase, s.locks.map((l) => `${l.relation}:${l.mode}`).join(' ')]);
}

const statementsOf = (from: string, to: string, id: string, allowDestructive = false) =>
  planMigration(sdlIR(from), sdlIR(to), { allowDestructive }).plan?.steps.find((s) => s.id === id)?.sql ?? [];
const sqlOf = (from: string, to: string, id: string, allowDestructive = false) => statementsOf(from, to, id, allowDestructive).join('\n');

describe('alterDerived: the triggers of a derived column', () => {
  it('added to a populated table: the column instantly with its default, then the functions and triggers on the child, then the values', () => {
    const v1 = `${order('')}\n${line()}`;
    const v2 = `${order(count)}\n${line()}`;
    expect(planRows(v1, v2)).toEqual([
      ['add-column:order.line_count', 'expand', 'order:AccessExclusiveLock'],
      ['alter-derived:order.line_count:create', 'expand', 'order_line:AccessShareLock order_line:ShareRowExclusiveLock'],
      ['alter-derived:order.line_count:backfill', 'backfill', 'order:RowShareLock order:RowExclusiveLock order_line:AccessShareLock'],
    ]);
    expect(sqlOf(v1, v2, 'add-column:order.line_count')).toBe('ALTER TABLE "order" ADD COLUMN line_count integer DEFAULT 0 NOT NULL;');
    expect(sqlOf(v1, v2, 'alter-derived:order.line_count:backfill')).toContain(
      'SET line_count = wesley_derived_order_line_count_value("order".id)',
    );
  });

  it('several on one table: one backfill computes them all (one new version of each row, not one per column)', () => {
    const v1 = `${order('')}\n${line()}`;
    const both = `${count}  total: Int! @wes_derived(fn: sum, from: "OrderLine.orderId", of: "amountCents")\n`;
    const v2 = `${order(both)}\n${line()}`;
    expect(planRows(v1, v2).map(([id, phase]) => `${id} ${phase}`)).toEqual([
      'add-column:order.line_count expand',
      'add-column:order.total expand',
      'alter-derived:order.line_count:create expand',
      'alter-derived:order.total expand',
      'alter-derived:order.line_count:backfill backfill',
    ]);
    expect(sqlOf(v1, v2, 'alter-derived:order.line_count:backfill')).toContain(
      'SET line_count = wesley_derived_order_line_count_value("order".id), total = wesley_derived_order_total_value("order".id)',
    );
  });

  it('in tables the plan creates: the triggers after both tables, and no backfill (a new table has no rows)', () => {
    const rows = planRows(
      'type Other @wes_table { id: Int! @wes_pk }',
      `type Other @wes_table { id: Int! @wes_pk }\n${order(count)}\n${line()}`,
    );
    expect(rows.map(([id, phase]) => `${id} ${phase}`)).toEqual([
      'create-table:order expand',
      'create-table:order_line expand',
      'alter-derived:order.line_count expand',
      'add-foreign-key:order_line.order_line_order_id_fkey expand',
    ]);
  });

  it('from a child the plan creates, on an existing table: the child first, then the triggers on it, then the values', () => {
    const rows = planRows(order(''), `${order(count)}\n${line()}`);
    expect(rows.map(([id]) => id)).toEqual([
      'create-table:order_line',
      'add-column:order.line_count',
      'alter-derived:order.line_count:create',
      'add-foreign-key:order_line.order_line_order_id_fkey',
      'alter-derived:order.line_count:backfill',
    ]);
  });

  it('a new fn: old and new functions swapped in one transaction, then every value computed again', () => {
    const v1 = `${order(count)}\n${line()}`;
    const v2 = `${order(sum)}\n${line()}`;
    expect(planRows(v1, v2)).toEqual([
      ['alter-derived:order.line_count:replace', 'expand', 'order_line:AccessShareLock order_line:ShareRowExclusiveLock'],
      ['alter-derived:order.line_count:backfill', 'backfill', 'order:RowShareLock order:RowExclusiveLock order_line:AccessShareLock'],
    ]);
    const heads = (sql: readonly string[]) => sql.map((statement) => statement.split(/[\s(]/).slice(0, 5).join(' '));
    // The triggers are replaced in place (SHARE ROW EXCLUSIVE), not dropped (ACCESS EXCLUSIVE); the
    // value function is dropped, since CREATE OR REPLACE cannot change its result type.
    expect(heads(statementsOf(v1, v2, 'alter-derived:order.line_count:replace'))).toEqual([
      'DROP FUNCTION IF EXISTS wesley_derived_order_line_count_value',
      'CREATE OR REPLACE FUNCTION wesley_derived_order_line_count_value',
      'CREATE OR REPLACE FUNCTION wesley_derived_order_line_count',
      'CREATE OR REPLACE TRIGGER wesley_derived_order_line_count',
      'CREATE OR REPLACE TRIGGER wesley_derived_order_line_count_truncate',
    ]);
    expect(sqlOf(v1, v2, 'alter-derived:order.line_count:replace')).toContain('sum(c.amount_cents)');
  });

  it('before PostgreSQL 14 (no CREATE OR REPLACE TRIGGER): the triggers are dropped first, under ACCESS EXCLUSIVE', () => {
    const result = planMigration(sdlIR(`${order(count)}\n${line()}`), sdlIR(`${order(sum)}\n${line()}`), { serverVersion: 130000 });
    const replace = result.plan?.steps.find((s) => s.id.endsWith(':replace'));
    expect(replace?.locks.map((l) => l.mode)).toContain('AccessExclusiveLock');
    expect(replace?.sql.join('\n')).toMatch(/^DROP TRIGGER IF EXISTS wesley_derived_order_line_count ON order_line;/);
    expect(replace?.sql.join('\n')).not.toContain('OR REPLACE TRIGGER');
  });

  it('the child renamed: the old triggers go before the rename (their functions name the old table), the new ones after it', () => {
    const v1 = `${order(count)}\n${line()}`;
    const v2 = `${order('  lineCount: Int! @wes_derived(fn: count, from: "Item.orderId")\n')}\n${line('Item', ' @wes_renamed(from: "order_line")')}`;
    const rows = planRows(v1, v2);
    expect(rows.map(([id, phase]) => `${id} ${phase}`)).toEqual([
      'alter-derived:order.line_count:drop expand',
      'rename-table:item expand',
      'rename-constraint:item.item_pkey expand',
      'rename-constraint:item.item_order_id_fkey expand',
      'alter-derived:order.line_count:create expand',
      'alter-derived:order.line_count:backfill backfill',
    ]);
    expect(sqlOf(v1, v2, 'alter-derived:order.line_count:drop')).toContain(
      'DROP TRIGGER IF EXISTS wesley_derived_order_line_count ON order_line;',
    );
    expect(sqlOf(v1, v2, 'alter-derived:order.line_count:create')).toContain('FROM item AS c WHERE c.order_id = $1');
  });

  it('a column its trigger watches changes type in place: the old triggers go first (ALTER COLUMN ... TYPE refuses a column a trigger names), the new ones after', () => {
    const max = (size: number) => `type Order @wes_table {
  id: Int! @wes_pk
  topSku: String @wes_column(type: "varchar(${size})") @wes_derived(fn: max, from: "OrderLine.orderId", of: "sku")
}
type OrderLine @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id")
  sku: String @wes_column(type: "varchar(${size})")
}`;
    const rows = planRows(max(10), max(20));
    expect(rows.map(([id, phase]) => `${id} ${phase}`)).toEqual([
      'alter-derived:order.top_sku:drop expand',
      'alter-column-type:order.top_sku expand',
      'alter-column-type:order_line.sku expand',
      'alter-derived:order.top_sku:create expand',
      'alter-derived:order.top_sku:backfill backfill',
    ]);
  });

  it('a column its trigger watches changes type through a shadow column: refused (the swap would drop a column the trigger names)', () => {
    const sumOf = (type: string) => `${order('  total: BigInt! @wes_derived(fn: sum, from: "OrderLine.orderId", of: "amountCents")\n')}
type OrderLine @wes_table {
  id: Int! @wes_pk
  orderId: Int @wes_fk(ref: "Order.id")
  amountCents: ${type}
}`;
    const result = planMigration(sdlIR(sumOf('Int')), sdlIR(sumOf('BigInt')));
    expect(result.plan).toBeNull();
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['WES102', expect.stringContaining('the row trigger of derived column order.total uses it') as string],
    ]);
  });

  it('a rename elsewhere in the parent or child leaves the drop in contract (only names the functions use move it first)', () => {
    const v1 = `${order(`${count}  note: String\n`)}\n${line()}`;
    const v2 = `${order('  lineCount: Int! @wes_default(value: 0)\n  memo: String @wes_renamed(from: "note")\n')}\n${line()}`;
    expect(planRows(v1, v2).map(([id, phase]) => `${id} ${phase}`)).toEqual([
      'rename-column:order.memo expand',
      'alter-derived:order.line_count contract',
    ]);
  });

  it('no longer derived: its triggers and functions dropped in contract, the column and its values kept', () => {
    const v1 = `${order(count)}\n${line()}`;
    const v2 = `${order('  lineCount: Int! @wes_default(value: 0)\n')}\n${line()}`;
    expect(planRows(v1, v2)).toEqual([
      ['alter-derived:order.line_count', 'contract', 'order_line:AccessShareLock order_line:AccessExclusiveLock'],
    ]);
    const result = planMigration(sdlIR(v1), sdlIR(v2));
    expect(result.changes.find((c) => c.kind === 'alterDerived')?.impact).toMatchObject({ app: 'dangerous', data: 'safe' });
  });

  it('dropped: its triggers go before the column (DROP COLUMN leaves them on the child, whose writes would then fail)', () => {
    const rows = planRows(`${order(count)}\n${line()}`, `${order('')}\n${line()}`, true);
    expect(rows.map(([id, phase]) => `${id} ${phase}`)).toEqual([
      'alter-derived:order.line_count contract',
      'drop-column:order.line_count contract',
    ]);
  });

  it('dropped with its table: the triggers on the child go before the table', () => {
    const rows = planRows(
      `${order(count)}\n${line('OrderLine', '', 'orderId', 'Order')}`,
      'type OrderLine @wes_table { id: Int! @wes_pk  amountCents: Int }',
      true,
    );
    const ids = rows.map(([id]) => id);
    expect(ids.indexOf('alter-derived:order.line_count')).toBeLessThan(ids.indexOf('drop-table:order'));
  });

  it('unchanged beside other changes: nothing planned for it', () => {
    expect(planRows(`${order(count)}\n${line()}`, `${order(`${count}  note: String\n`)}\n${line()}`).map(([id]) => id)).toEqual([
      'add-column:order.note',
    ]);
  });

  it('each step undoes itself: create by dropping, drop by creating, replace by swapping back', () => {
    const v1 = `${order(count)}\n${line()}`;
    const v2 = `${order(sum)}\n${line()}`;
    const replace = planMigration(sdlIR(v1), sdlIR(v2)).plan?.steps.find((s) => s.id.endsWith(':replace'));
    const undo = replace?.rollback?.sql.join('\n') ?? '';
    expect(undo).toMatch(
      /^DROP FUNCTION IF EXISTS wesley_derived_order_line_count_value\(integer\);[\s\S]*CREATE OR REPLACE FUNCTION[\s\S]*count\(\*\)/,
    );
    expect(undo).not.toContain('sum(');
    const drop = planMigration(sdlIR(v1), sdlIR(`${order('  lineCount: Int!\n')}\n${line()}`)).plan?.steps[0];
    expect(drop?.rollback?.sql.join('\n')).toContain('CREATE OR REPLACE TRIGGER wesley_derived_order_line_count');
  });
});
