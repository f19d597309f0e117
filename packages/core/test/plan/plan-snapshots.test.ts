import { describe, expect, it } from 'vitest';
import {
  formatExplain,
  hashIR,
  phases,
  planMigration,
  rollbackPlan,
  stableStringify,
  type Plan,
  type PlanOptions,
  type SchemaIR,
} from '@wesley/core';
import { irFixtures } from '../support/ir-fixtures.js';
import { schema } from '../support/ir-builder.js';
import { sdlIR } from '../support/sdl-ir.js';
import { shopVersions } from './shop-versions.js';

const { v1, v2, v3 } = shopVersions;

function planOf(from: SchemaIR, to: SchemaIR, options: PlanOptions = {}): Plan {
  const result = planMigration(from, to, options);
  if (result.plan === null) throw new Error(`no plan: ${JSON.stringify(result.diagnostics)}`);
  return result.plan;
}

/** Realistic plans: the shop's expand release, its contract release, and whole schemas from empty. */
const plans = (): Record<string, Plan> => ({
  'shop v1 -> v2': planOf(v1, v2),
  'shop v1 -> v2 (PostgreSQL 15)': planOf(v1, v2, { serverVersion: 150000 }),
  'shop v2 -> v3': planOf(v2, v3, { allowDestructive: true, serverVersion: 150000 }),
  'shop v1 -> v3': planOf(v1, v3, {
    allowDestructive: true,
    allowBlocking: { reason: 'PostgreSQL 11 scans for NOT NULL' },
    serverVersion: 110000,
  }),
  ...Object.fromEntries(Object.entries({ shop: v2, ...irFixtures }).map(([name, ir]) => [`empty -> ${name}`, planOf(schema([]), ir)])),
});

describe('plan snapshots', () => {
  it('plans the shop expand release (v1 -> v2) as this JSON and explain output', async () => {
    const plan = planOf(v1, v2);
    await expect(stableStringify(plan, 2)).toMatchFileSnapshot('./__snapshots__/shop-v1-v2.plan.json');
    await expect(formatExplain(plan)).toMatchFileSnapshot('./__snapshots__/shop-v1-v2.explain.txt');
  });

  it('plans the shop contract release (v2 -> v3, destructive, PostgreSQL 15) as this JSON and explain output', async () => {
    const plan = planOf(v2, v3, { allowDestructive: true, serverVersion: 150000 });
    await expect(stableStringify(plan, 2)).toMatchFileSnapshot('./__snapshots__/shop-v2-v3.plan.json');
    await expect(formatExplain(plan)).toMatchFileSnapshot('./__snapshots__/shop-v2-v3.explain.txt');
  });

  it('names the schemas it goes between by their hashes, and the server version it is for', () => {
    const plan = planOf(v2, v3, { allowDestructive: true, serverVersion: 150000 });
    expect([plan.kind, plan.from, plan.to, plan.serverVersion]).toEqual(['plan', hashIR(v2), hashIR(v3), 150000]);
  });

  it('explains an empty plan in words', () => {
    expect(formatExplain(planOf(v1, v1))).toBe('Nothing to do: the schemas are the same.\n');
  });
});

describe('rollbackPlan', () => {
  it('undoes a reversible plan: each rollback, last step first, between the same schemas reversed', () => {
    const from = sdlIR('type Account @wes_table { id: ID! @wes_pk  name: String }');
    const to = sdlIR(`type Member @wes_table @wes_renamed(from: "account") {
      id: ID! @wes_pk  fullName: String @wes_renamed(from: "name") @wes_index  note: String @wes_check(expr: "note <> ''")
    }`);
    const plan = planOf(from, to);
    expect(plan.steps.every((s) => s.reversible)).toBe(true);
    const { plan: down, irreversible } = rollbackPlan(plan);
    expect(irreversible).toEqual([]);
    expect(down).not.toBeNull();
    expect([down?.from, down?.to, down?.serverVersion]).toEqual([plan.to, plan.from, plan.serverVersion]);
    // The validation has nothing to undo; everything else comes back in reverse.
    const undone = plan.steps.filter((s) => s.phase !== 'validate').map((s) => `rollback:${s.id}`);
    expect(down?.steps.map((s) => s.id)).toEqual(undone.reverse());
    expect(down?.steps.map((s) => [s.id, s.phase, s.transactional, s.sql])).toEqual([
      [
        'rollback:add-check:member.member_note_check:add',
        'expand',
        true,
        ['ALTER TABLE member DROP CONSTRAINT IF EXISTS member_note_check;'],
      ],
      ['rollback:add-index:member.member_full_name_idx', 'expand', false, ['DROP INDEX CONCURRENTLY IF EXISTS member_full_name_idx;']],
      ['rollback:add-column:member.note', 'expand', true, ['ALTER TABLE member DROP COLUMN IF EXISTS note;']],
      [
        'rollback:rename-constraint:member.member_pkey',
        'expand',
        true,
        ['ALTER TABLE member RENAME CONSTRAINT member_pkey TO account_pkey;'],
      ],
      ['rollback:rename-column:member.full_name', 'expand', true, ['ALTER TABLE member RENAME COLUMN full_name TO name;']],
      ['rollback:rename-table:member', 'expand', true, ['ALTER TABLE member RENAME TO account;']],
    ]);
    for (const undo of down?.steps ?? []) {
      const original = plan.steps.find((s) => `rollback:${s.id}` === undo.id);
      expect(undo.locks).toEqual(original?.rollback?.locks);
      expect([undo.reversible, undo.rollback, undo.rewrites, undo.scans, undo.backfill]).toEqual([false, null, false, false, null]);
    }
  });

  it('leaves out backfills, whose column the rollback of the step that added it drops', () => {
    const plan = planOf(
      sdlIR('type Account @wes_table { id: ID! @wes_pk }'),
      sdlIR('type Account @wes_table { id: ID! @wes_pk  token: UUID @wes_default(expr: "gen_random_uuid()") }'),
    );
    expect(plan.steps.map((s) => s.id)).toEqual(['add-column:account.token:add', 'add-column:account.token:backfill']);
    expect(rollbackPlan(plan).plan?.steps.map((s) => s.id)).toEqual(['rollback:add-column:account.token:add']);
  });

  it('refuses to undo a plan with an irreversible step, naming each one in plan order', () => {
    expect(rollbackPlan(planOf(v1, v2))).toEqual({ plan: null, irreversible: ['add-enum-value:order_status.DELIVERED'] });
    const contract = planOf(v2, v3, { allowDestructive: true });
    const { plan, irreversible } = rollbackPlan(contract);
    expect(plan).toBeNull();
    expect([...irreversible].sort()).toEqual([
      'alter-column-type:customer.loyalty_points:swap',
      'drop-column:customer.phone',
      'drop-column:orders.shipment_id',
      'drop-table:shipment',
      // The NULLs it replaced with the default are not known afterwards.
      'set-not-null:product.attributes:backfill',
    ]);
    const ids = contract.steps.map((s) => s.id);
    expect(irreversible).toEqual([...irreversible].sort((a, b) => ids.indexOf(a) - ids.indexOf(b)));
  });
});

describe('plan order', () => {
  it.each(Object.entries(plans()))('%s: runs the phases in order', (_name, plan) => {
    const order = plan.steps.map((s) => phases.indexOf(s.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it.each(Object.entries(plans()))('%s: gives every step a unique id', (_name, plan) => {
    expect(new Set(plan.steps.map((s) => s.id)).size).toBe(plan.steps.length);
  });

  it.each(Object.entries(plans()))('%s: runs each CONCURRENTLY statement alone, outside a transaction', (_name, plan) => {
    for (const step of plan.steps.filter((s) => s.sql.some((sql) => sql.includes('CONCURRENTLY')))) {
      expect(step.sql, step.id).toHaveLength(1);
      expect(step.transactional, step.id).toBe(false);
    }
  });

  it('builds two indexes of one table as two steps', () => {
    const plan = planOf(
      sdlIR('type Account @wes_table { id: ID! @wes_pk  name: String  email: String }'),
      sdlIR('type Account @wes_table { id: ID! @wes_pk  name: String @wes_index  email: String @wes_index @wes_unique }'),
    );
    const concurrent = plan.steps.filter((s) => s.sql.some((sql) => sql.includes('CONCURRENTLY')));
    expect(concurrent.map((s) => s.sql).sort()).toEqual([
      ['CREATE INDEX CONCURRENTLY account_email_idx ON account (email);'],
      ['CREATE INDEX CONCURRENTLY account_name_idx ON account (name);'],
      ['CREATE UNIQUE INDEX CONCURRENTLY account_email_key ON account (email);'],
    ]);
  });

  it('creates a table before any foreign key that points at it', () => {
    const cases: [SchemaIR, SchemaIR][] = [
      [v1, v2],
      [schema([]), v1],
      [schema([]), irFixtures.cycle ?? schema([])],
      [schema([]), irFixtures.awkwardNames ?? schema([])],
    ];
    let checked = 0;
    for (const [from, to] of cases) {
      const ids = planOf(from, to).steps.map((s) => s.id);
      for (const table of to.tables) {
        for (const fk of table.foreignKeys) {
          const created = ids.indexOf(`create-table:${fk.refTable}`);
          const added = ids.findIndex((id) => id.startsWith(`add-foreign-key:${table.name}.${fk.name}`));
          if (created === -1 || added === -1) continue;
          expect(created, `${fk.name} after ${fk.refTable}`).toBeLessThan(added);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('drops a foreign key before the table it points at, and a column before its enum type', () => {
    const plan = planOf(
      sdlIR(
        'enum Mood { HAPPY } type Account @wes_table { id: ID! @wes_pk  mood: Mood }  type Post @wes_table { id: ID! @wes_pk  accountId: ID @wes_fk(ref: "Account.id") }',
      ),
      sdlIR('type Post @wes_table { id: ID! @wes_pk  accountId: ID }'),
      { allowDestructive: true },
    );
    expect(plan.steps.map((s) => s.id)).toEqual(['drop-foreign-key:post.post_account_id_fkey', 'drop-table:account', 'drop-enum:mood']);
  });

  it('gives the same plan, ids included, on every run', () => {
    const first = plans();
    const second = plans();
    for (const name of Object.keys(first)) expect(stableStringify(second[name]), name).toBe(stableStringify(first[name]));
  });
});
