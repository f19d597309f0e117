import { compileSchema, type SchemaIR } from '@wesley/core';
import type { LockTruthCase } from './lock-truth-cases.js';

const rows = 2000;

function sdl(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'derived-lock-truth.graphql', body: `${body}\ntype Query { ping: Int }` });
  if (ir === null) throw new Error(`derived lock-truth fixture does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

/** The child table, as `name` (renamed from `line` when `renamed`). */
const child = (name = 'Line', renamed = '') =>
  `type ${name} @wes_table${renamed} { id: BigInt! @wes_pk  basketId: BigInt @wes_fk(ref: "Basket.id") @wes_index  cents: Int }`;
/** The parent table with `fields` after its key and label. */
const basket = (fields = '') => `type Basket @wes_table {\n  id: BigInt! @wes_pk\n  label: String\n${fields}}`;
const lineCount = (fn = 'count', from = 'Line') =>
  `  lineCount: Int! @wes_derived(fn: ${fn}, from: "${from}.basketId"${fn === 'count' ? '' : ', of: "cents"'})\n`;
const shop =
  'type Shop @wes_table {\n  id: BigInt! @wes_pk\n  spent: BigInt! @wes_derived(fn: sum, from: "Basket.shopId", of: "totalCents")\n}';
const totalCents = '  totalCents: BigInt! @wes_derived(fn: sum, from: "Line.basketId", of: "cents")\n';

/** Parents (with `parentColumns` set to their id), three child rows each. */
const seed = (parentColumns = '') =>
  [
    `INSERT INTO basket (id, label${parentColumns}) SELECT g, 'b' || g${parentColumns === '' ? '' : ', g'} FROM generate_series(1, ${rows}) AS g;`,
    `INSERT INTO line (id, basket_id, cents) SELECT g, g % ${rows} + 1, g % 97 FROM generate_series(1, ${rows * 3}) AS g;`,
  ].join('\n');

/**
 * Derived columns (issue 19) planned on tables holding rows, one case per shape of
 * `alter-derived` (docs/locks.md): created after the column (SHARE ROW EXCLUSIVE on the child for
 * `CREATE TRIGGER`, ACCESS SHARE for the value function's body; `DROP TRIGGER IF EXISTS` of a
 * trigger that is not there takes no lock, measured on 15 and 18), then backfilled (row locks on
 * the parent, ACCESS SHARE on the child); replaced in one transaction; dropped first when the
 * child is renamed and created after; dropped in contract when no longer derived, before the
 * column goes; created without a backfill in new tables; and a plain column made derived. Each
 * reversible plan's rollback is checked too.
 */
export const derivedLockTruthCases: readonly LockTruthCase[] = [
  {
    name: 'derived: columns added (count and sum over a child)',
    v1: sdl(`${basket()}\n${child()}`),
    v2: sdl(`${basket(`${lineCount()}${totalCents}`)}\n${child()}`),
    seed: seed(),
    rollback: true,
  },
  {
    name: 'derived: a new fn (count to sum), replaced in one transaction and computed again',
    v1: sdl(`${basket(lineCount())}\n${child()}`),
    v2: sdl(`${basket(lineCount('sum'))}\n${child()}`),
    seed: seed(),
    rollback: true,
  },
  {
    name: 'derived: the child renamed (@wes_renamed), the triggers dropped before the rename and created after',
    v1: sdl(`${basket(lineCount())}\n${child()}`),
    v2: sdl(`${basket(lineCount('count', 'Item'))}\n${child('Item', ' @wes_renamed(from: "line")')}`),
    seed: seed(),
    rollback: true,
  },
  {
    name: 'derived: no longer derived, its triggers dropped in contract and its values kept',
    v1: sdl(`${basket(lineCount())}\n${child()}`),
    v2: sdl(`${basket('  lineCount: Int! @wes_default(value: 0)\n')}\n${child()}`),
    seed: seed(),
    rollback: true,
  },
  {
    name: 'derived: a derived column dropped, its triggers before it; and a parent dropped, its triggers on the child before it',
    v1: sdl(
      `${basket(`${lineCount()}${totalCents}`)}\n${child()}\ntype Shelf @wes_table { id: BigInt! @wes_pk  lines: Int! @wes_derived(fn: count, from: "Slot.shelfId") }\ntype Slot @wes_table { id: BigInt! @wes_pk  shelfId: BigInt @wes_fk(ref: "Shelf.id") @wes_index }`,
    ),
    v2: sdl(`${basket(lineCount())}\n${child()}\ntype Slot @wes_table { id: BigInt! @wes_pk  shelfId: BigInt @wes_index }`),
    seed: [
      seed(),
      `INSERT INTO shelf (id) SELECT g FROM generate_series(1, ${rows}) AS g;`,
      `INSERT INTO slot (id, shelf_id) SELECT g, g % ${rows} + 1 FROM generate_series(1, ${rows}) AS g;`,
    ].join('\n'),
  },
  {
    name: 'derived: parent and child created with a derived column, its triggers after both tables and no backfill',
    v1: sdl(child('Other').replace('basketId: BigInt @wes_fk(ref: "Basket.id") @wes_index  ', '')),
    v2: sdl(`${child('Other').replace('basketId: BigInt @wes_fk(ref: "Basket.id") @wes_index  ', '')}\n${basket(lineCount())}\n${child()}`),
    seed: `INSERT INTO other (id, cents) SELECT g, g FROM generate_series(1, ${rows}) AS g;`,
    rollback: true,
  },
  {
    name: 'derived: a plain column made derived, its triggers created and its values computed',
    v1: sdl(`${basket('  lineCount: Int!\n')}\n${child()}`),
    v2: sdl(`${basket(lineCount())}\n${child()}`),
    seed: seed(', line_count'),
    rollback: true,
  },
  {
    // The backfill of basket.total_cents fires the trigger of shop.spent (which sums it): shop's
    // rows locked and updated, basket read by shop.spent's value function.
    name: 'derived: a column another derived column sums, made derived itself (its backfill fires the other trigger)',
    v1: sdl(
      `${shop}\n${basket('  shopId: BigInt @wes_fk(ref: "Shop.id") @wes_index\n  totalCents: BigInt! @wes_default(value: 0)\n')}\n${child()}`,
    ),
    v2: sdl(`${shop}\n${basket(`  shopId: BigInt @wes_fk(ref: "Shop.id") @wes_index\n${totalCents}`)}\n${child()}`),
    seed: [
      `INSERT INTO shop (id) SELECT g FROM generate_series(1, 20) AS g;`,
      seed(', shop_id').replace("'b' || g, g", "'b' || g, g % 20 + 1"),
    ].join('\n'),
    rollback: true,
  },
];
