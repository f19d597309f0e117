import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { compileSchema, emitDdl, planMigration, quoteIdent, rollbackPlan, type Plan, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { arbitrarySchemaPair, type SchemaPair } from '../../../core/test/support/arbitrary-schema-pair.js';
import type { Connection } from '../../src/connect/connect.js';
import { applyPlan } from '../../src/execute/apply-plan.js';
import { introspect } from '../../src/introspect/introspect.js';
import { comparableIR } from '../fixtures/comparable-ir.js';

/**
 * The planner's acceptance property, on a real PostgreSQL per server of the run: for random
 * schema pairs (v1, v2), a database made by v1's DDL and holding rows, migrated by the plan
 * v1 -> v2, introspects as v2 and still holds the rows' values in every column that survives
 * (matched through renames); where the plan is reversible, its rollback brings back v1 and the
 * same values. Each pair runs in a fresh PostgreSQL schema (the plan's names are unqualified and
 * land in the first schema of the session's `search_path`).
 */

/** Pairs per server. */
const runs = Number(process.env.WESLEY_PROPERTY_RUNS ?? 100);

/**
 * The comparable IR with each table's columns sorted by name. Column order is the one thing a
 * migrated table may not share with a freshly created one: `ADD COLUMN` appends, and a
 * shadow-column type change drops the old column and renames its shadow, which sits last.
 */
function comparableAnyColumnOrder(ir: SchemaIR): unknown {
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return comparableIR({ ...ir, tables: ir.tables.map((table) => ({ ...table, columns: [...table.columns].sort(byName) })) });
}

function compile(sdl: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'pair.graphql', body: sdl });
  // Warnings are the compiler's notes on a valid schema (WES420: a NOT NULL foreign-key ring made deferrable).
  if (ir === null || diagnostics.some((d) => d.severity === 'error'))
    throw new Error(`generated schema does not compile:\n${sdl}\n${JSON.stringify(diagnostics, null, 2)}`);
  return ir;
}

/** v1's rows, inserted with foreign-key triggers off: the generator made them consistent, in any table order. */
async function insertRows(session: Connection, pair: SchemaPair): Promise<void> {
  await session.query('SET session_replication_role = replica');
  try {
    for (const { table, columns, rows } of pair.rows) {
      const values = rows.flat();
      const tuples = rows.map((row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}`).join(', ')})`);
      await session.query(`INSERT INTO ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) VALUES ${tuples.join(', ')}`, values);
    }
  } finally {
    await session.query('RESET session_replication_role');
  }
}

/** The rows of `table` over `columns`, each value as text (so a widened type compares by value), in a stable order. */
async function readRows(session: Connection, table: string, columns: readonly string[]): Promise<string[]> {
  const list = columns.map((c) => `${quoteIdent(c)}::text`).join(', ');
  const { rows } = await session.client.query<unknown[]>({ text: `SELECT ${list} FROM ${quoteIdent(table)}`, rowMode: 'array' });
  return rows.map((row) => JSON.stringify(row)).sort();
}

/** Every v1 table's rows over all its columns, by table name. */
async function readAll(session: Connection, ir: SchemaIR): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ir.tables)
    out[table.name] = await readRows(
      session,
      table.name,
      table.columns.map((c) => c.name),
    );
  return out;
}

function describePlan(plan: Plan): string {
  return plan.steps.map((step) => `-- ${step.id} (${step.phase})\n${step.sql.join('\n')}`).join('\n');
}

/** Runs one pair in schema `schema` of `session`'s database; throws with the SDL and the plan when a check fails. */
async function checkPair(session: Connection, schema: string, serverVersion: number, pair: SchemaPair): Promise<void> {
  const v1 = compile(pair.v1);
  const v2 = compile(pair.v2);
  let plan: Plan | null = null;
  await session.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  try {
    // Everything below (DDL, rows, plan steps) uses unqualified names.
    await session.query(`SET search_path = ${quoteIdent(schema)}`);
    await session.query(emitDdl(v1));
    await insertRows(session, pair);
    const before = await readAll(session, v1);

    // Batches of two rows over three: every backfill takes its keyset cursor through two batches.
    const result = planMigration(v1, v2, {
      serverVersion,
      allowDestructive: true,
      allowBlocking: { reason: 'every pattern, blocking ones too' },
      batchSize: 2,
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    plan = result.plan;
    if (plan === null) throw new Error('no plan');
    await applyPlan(session, plan);
    expect(comparableAnyColumnOrder(await introspect(session, { schema })), 'introspect after the plan equals v2').toEqual(
      comparableAnyColumnOrder(v2),
    );
    for (const survivor of pair.survivors) {
      const kept = await readRows(
        session,
        survivor.to,
        survivor.columns.map(([, to]) => to),
      );
      const original = expectedRows(before, v1, survivor);
      expect(kept, `values of ${survivor.from} -> ${survivor.to} after the plan`).toEqual(original);
    }

    const down = rollbackPlan(plan).plan;
    if (down === null) return;
    plan = down;
    await applyPlan(session, down);
    expect(comparableAnyColumnOrder(await introspect(session, { schema })), 'introspect after the rollback equals v1').toEqual(
      comparableAnyColumnOrder(v1),
    );
    for (const table of v1.tables) {
      const columns = table.columns.map((c) => c.name);
      expect(await readRows(session, table.name, columns), `values of ${table.name} after the rollback`).toEqual(before[table.name]);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n\n== v1\n${pair.v1}\n== v2\n${pair.v2}\n== plan\n${plan === null ? '(none)' : describePlan(plan)}`, {
      cause: error,
    });
  } finally {
    await session.query('RESET search_path');
    await session.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
  }
}

/**
 * The rows a surviving table should hold after the plan: `before`'s rows over its surviving
 * columns, with the NULLs of filled columns set to the default.
 */
function expectedRows(before: Record<string, string[]>, v1: SchemaIR, survivor: SchemaPair['survivors'][number]): string[] {
  const all = v1.tables.find((t) => t.name === survivor.from)?.columns.map((c) => c.name) ?? [];
  const fills = new Map(survivor.filled);
  return (before[survivor.from] ?? [])
    .map((row) => {
      const values = JSON.parse(row) as unknown[];
      return JSON.stringify(survivor.columns.map(([from]) => values[all.indexOf(from)] ?? fills.get(from) ?? null));
    })
    .sort();
}

/**
 * Fixed cases, each naming the planner bug it caught: counterexamples the property found
 * (shrunk by fast-check, then trimmed by hand to what the bug needs), and six written by hand
 * (two dropped tables; the generated column made NOT NULL; a fill refused by a check, a unique
 * constraint, a unique index or a foreign key v2 drops), for bugs seen while reading the failures.
 */
const regressions: readonly { readonly bug: string; readonly pair: SchemaPair }[] = [
  {
    bug: 'a check on a renamed column: its rollback re-added the check with the old column name',
    pair: {
      v1: 'type Tag @wes_table @wes_index(columns: ["id"]) {\n  id: Int! @wes_pk @wes_check(expr: "id >= 0")\n}\n',
      v2: 'type Tag @wes_table @wes_index(columns: ["idNext"]) {\n  idNext: Int! @wes_pk @wes_renamed(from: "id") @wes_check(expr: "id_next >= 0")\n}\n',
      edits: ['renameColumn'],
      rows: [{ table: 'tag', columns: ['id'], rows: [['1'], ['2'], ['3']] }],
      survivors: [{ from: 'tag', to: 'tag', columns: [['id', 'id_next']], filled: [] }],
    },
  },
  {
    bug: 'a foreign key dropped from a column whose type changes: the swap dropped the column (and key) first, then DROP CONSTRAINT failed',
    pair: {
      v1: 'type Review @wes_table @wes_unique(columns: ["id", "externalId"]) {\n  id: Int! @wes_pk\n  externalId: ID\n  labels: [String]\n  parentId: Int @wes_fk(ref: "Review.id", onDelete: "CASCADE")\n}\n',
      v2: 'type Review @wes_table @wes_unique(columns: ["id", "externalId"]) {\n  id: Int! @wes_pk\n  externalId: ID\n  labels: [String]\n  parentId: Decimal\n}\n',
      edits: ['dropForeignKey', 'widenInteger'],
      rows: [
        {
          table: 'review',
          columns: ['id', 'external_id', 'labels', 'parent_id'],
          rows: [
            ['1', '00000000-0000-4000-8000-000000000000', ['a0', 'b'], '1'],
            ['2', '00000000-0000-4000-8000-000000000001', ['a1', 'b'], '2'],
            ['3', null, null, null],
          ],
        },
      ],
      survivors: [
        {
          from: 'review',
          to: 'review',
          columns: [
            ['id', 'id'],
            ['external_id', 'external_id'],
            ['labels', 'labels'],
            ['parent_id', 'parent_id'],
          ],
          filled: [],
        },
      ],
    },
  },
  {
    bug: "a dropped table referencing a dropped unique key: the key went first, while the table's foreign key still needed it",
    pair: {
      v1: 'type Product @wes_table {\n  id: Int! @wes_pk\n  tagViews: BigInt @wes_fk(ref: "Tag.views")\n}\n\ntype Tag @wes_table @wes_unique(columns: ["views"]) {\n  id: ID! @wes_pk\n  views: BigInt @wes_default(value: 0)\n}\n',
      v2: 'type Tag @wes_table {\n  id: ID! @wes_pk\n}\n',
      edits: ['dropTable', 'dropColumn'],
      rows: [
        {
          table: 'product',
          columns: ['id', 'tag_views'],
          rows: [
            ['1', '1'],
            ['2', '2'],
            ['3', '3'],
          ],
        },
        {
          table: 'tag',
          columns: ['id', 'views'],
          rows: [
            ['00000000-0000-4000-8000-000000000000', '1'],
            ['00000000-0000-4000-8000-000000000001', '2'],
            ['00000000-0000-4000-8000-000000000002', '3'],
          ],
        },
      ],
      survivors: [{ from: 'tag', to: 'tag', columns: [['id', 'id']], filled: [] }],
    },
  },
  {
    bug: 'a dropped column and the dropped generated column computed from it: the source column went first',
    pair: {
      v1: 'type Shipment @wes_table {\n  id: Int! @wes_pk\n  quantity: Int\n  doubled: Int @wes_computed(expr: "quantity * 2")\n}\n',
      v2: 'type Shipment @wes_table {\n  id: Int! @wes_pk\n}\n',
      edits: ['dropColumn'],
      rows: [
        {
          table: 'shipment',
          columns: ['id', 'quantity'],
          rows: [
            ['1', '1'],
            ['2', '2'],
            ['3', null],
          ],
        },
      ],
      survivors: [{ from: 'shipment', to: 'shipment', columns: [['id', 'id']], filled: [] }],
    },
  },
  {
    bug: 'two dropped tables, one referencing the other: the referenced one may not go first',
    pair: {
      v1: 'type Account @wes_table {\n  id: Int! @wes_pk\n}\n\ntype Invoice @wes_table {\n  id: Int! @wes_pk\n  accountId: Int @wes_fk(ref: "Account.id")\n}\n\ntype Tag @wes_table {\n  id: Int! @wes_pk\n}\n',
      v2: 'type Tag @wes_table {\n  id: Int! @wes_pk\n}\n',
      edits: ['dropTable', 'dropTable'],
      rows: [
        { table: 'account', columns: ['id'], rows: [['1'], ['2'], ['3']] },
        {
          table: 'invoice',
          columns: ['id', 'account_id'],
          rows: [
            ['1', '1'],
            ['2', '2'],
            ['3', '3'],
          ],
        },
        { table: 'tag', columns: ['id'], rows: [['1'], ['2'], ['3']] },
      ],
      survivors: [{ from: 'tag', to: 'tag', columns: [['id', 'id']], filled: [] }],
    },
  },
  {
    bug: 'a generated column made plain with a default: the diff stopped at DROP EXPRESSION and the default was never set',
    pair: {
      v1: 'type LineItem @wes_table {\n  id: ID! @wes_pk\n  quantity: Int\n  doubled: Int @wes_computed(expr: "quantity * 2")\n}\n',
      v2: 'type LineItem @wes_table {\n  id: ID! @wes_pk\n  quantity: Int\n  doubled: Int @wes_default(value: 0)\n}\n',
      edits: ['alterGenerated', 'setDefault'],
      rows: [
        {
          table: 'line_item',
          columns: ['id', 'quantity'],
          rows: [
            ['00000000-0000-4000-8000-000000000000', '1'],
            ['00000000-0000-4000-8000-000000000001', '2'],
            ['00000000-0000-4000-8000-000000000002', null],
          ],
        },
      ],
      survivors: [
        {
          from: 'line_item',
          to: 'line_item',
          columns: [
            ['id', 'id'],
            ['quantity', 'quantity'],
            ['doubled', 'doubled'],
          ],
          filled: [],
        },
      ],
    },
  },
  {
    bug: 'a generated column made plain and NOT NULL: the diff stopped at DROP EXPRESSION and NOT NULL was never set',
    pair: {
      v1: 'type LineItem @wes_table {\n  id: Int! @wes_pk\n  quantity: Int!\n  doubled: Int @wes_computed(expr: "quantity * 2")\n}\n',
      v2: 'type LineItem @wes_table {\n  id: Int! @wes_pk\n  quantity: Int!\n  doubled: Int!\n}\n',
      edits: ['alterGenerated', 'setNotNull'],
      rows: [
        {
          table: 'line_item',
          columns: ['id', 'quantity'],
          rows: [
            ['1', '1'],
            ['2', '2'],
            ['3', '3'],
          ],
        },
      ],
      survivors: [
        {
          from: 'line_item',
          to: 'line_item',
          columns: [
            ['id', 'id'],
            ['quantity', 'quantity'],
            ['doubled', 'doubled'],
          ],
          filled: [],
        },
      ],
    },
  },
  {
    bug: 'a dropped generated column computed from a column whose type changes: the swap dropped the source column while the generated one still used it',
    pair: {
      v1: 'type LineItem @wes_table {\n  id: ID! @wes_pk\n  quantity: Int\n  doubled: Int @wes_computed(expr: "quantity * 2")\n}\n',
      v2: 'type LineItem @wes_table {\n  id: ID! @wes_pk\n  quantity: Decimal\n}\n',
      edits: ['dropColumn', 'widenInteger'],
      rows: [
        {
          table: 'line_item',
          columns: ['id', 'quantity'],
          rows: [
            ['00000000-0000-4000-8000-000000000000', '1'],
            ['00000000-0000-4000-8000-000000000001', '2'],
            ['00000000-0000-4000-8000-000000000002', null],
          ],
        },
      ],
      survivors: [
        {
          from: 'line_item',
          to: 'line_item',
          columns: [
            ['id', 'id'],
            ['quantity', 'quantity'],
          ],
          filled: [],
        },
      ],
    },
  },
  {
    bug: 'NOT NULL with a default on a column holding NULL: the fill was marked reversible, so the down plan "restored" v1 with the NULLs gone',
    pair: {
      v1: 'type Review @wes_table {\n  id: Int! @wes_pk\n  quantity: Int @wes_default(value: 0)\n}\n',
      v2: 'type Review @wes_table {\n  id: Int! @wes_pk\n  quantity: Int! @wes_default(value: 0)\n}\n',
      edits: ['setNotNull'],
      rows: [
        {
          table: 'review',
          columns: ['id', 'quantity'],
          rows: [
            ['1', '1'],
            ['2', '2'],
            ['3', null],
          ],
        },
      ],
      survivors: [
        {
          from: 'review',
          to: 'review',
          columns: [
            ['id', 'id'],
            ['quantity', 'quantity'],
          ],
          filled: [['quantity', '0']],
        },
      ],
    },
  },
  {
    bug: 'a type change to NOT NULL with a default on a column holding NULL: the shadow copy kept the NULL and its NOT NULL rejected it',
    pair: {
      v1: 'type Shipment @wes_table {\n  id: ID! @wes_pk\n  quantity: Int\n}\n',
      v2: 'type Shipment @wes_table {\n  id: ID! @wes_pk\n  quantity: Decimal! @wes_default(value: 0)\n}\n',
      edits: ['setNotNull', 'widenInteger'],
      rows: [
        {
          table: 'shipment',
          columns: ['id', 'quantity'],
          rows: [
            ['00000000-0000-4000-8000-000000000000', '1'],
            ['00000000-0000-4000-8000-000000000001', '2'],
            ['00000000-0000-4000-8000-000000000002', null],
          ],
        },
      ],
      survivors: [
        {
          from: 'shipment',
          to: 'shipment',
          columns: [
            ['id', 'id'],
            ['quantity', 'quantity'],
          ],
          filled: [['quantity', '0']],
        },
      ],
    },
  },
  {
    bug: 'NOT NULL with a default that a check v2 drops refuses: the drop ran in contract, after the fill it refused',
    pair: {
      v1: 'type Review @wes_table {\n  id: Int! @wes_pk\n  quantity: Int @wes_check(expr: "quantity > 0")\n}\n',
      v2: 'type Review @wes_table {\n  id: Int! @wes_pk\n  quantity: Int! @wes_default(value: 0)\n}\n',
      edits: ['dropCheck', 'setNotNull'],
      rows: [
        {
          table: 'review',
          columns: ['id', 'quantity'],
          rows: [
            ['1', '1'],
            ['2', null],
          ],
        },
      ],
      survivors: [
        {
          from: 'review',
          to: 'review',
          columns: [
            ['id', 'id'],
            ['quantity', 'quantity'],
          ],
          filled: [['quantity', '0']],
        },
      ],
    },
  },
  {
    bug: 'NOT NULL with a default on a column whose unique constraint v2 drops: two NULLs filled alike broke the constraint, dropped only in contract',
    pair: {
      v1: 'type Tag @wes_table {\n  id: Int! @wes_pk\n  code: String @wes_unique\n}\ntype Label @wes_table {\n  id: Int! @wes_pk\n  tagCode: String @wes_fk(ref: "Tag.code")\n}\n',
      v2: 'type Tag @wes_table {\n  id: Int! @wes_pk\n  code: String! @wes_default(value: "none")\n}\ntype Label @wes_table {\n  id: Int! @wes_pk\n  tagCode: String\n}\n',
      edits: ['dropUnique', 'dropForeignKey', 'setNotNull'],
      rows: [
        {
          table: 'tag',
          columns: ['id', 'code'],
          rows: [
            ['1', 'a'],
            ['2', null],
            ['3', null],
          ],
        },
        {
          table: 'label',
          columns: ['id', 'tag_code'],
          rows: [
            ['1', 'a'],
            ['2', null],
          ],
        },
      ],
      survivors: [
        {
          from: 'tag',
          to: 'tag',
          columns: [
            ['id', 'id'],
            ['code', 'code'],
          ],
          filled: [['code', 'none']],
        },
        {
          from: 'label',
          to: 'label',
          columns: [
            ['id', 'id'],
            ['tag_code', 'tag_code'],
          ],
          filled: [],
        },
      ],
    },
  },
  {
    bug: 'NOT NULL with a default on a column whose unique index v2 drops: two NULLs filled alike broke the index, dropped only in contract',
    pair: {
      v1: 'type Tag @wes_table @wes_index(columns: ["code"], unique: true) {\n  id: Int! @wes_pk\n  code: String\n}\n',
      v2: 'type Tag @wes_table {\n  id: Int! @wes_pk\n  code: String! @wes_default(value: "none")\n}\n',
      edits: ['dropIndex', 'setNotNull'],
      rows: [
        {
          table: 'tag',
          columns: ['id', 'code'],
          rows: [
            ['1', 'a'],
            ['2', null],
            ['3', null],
          ],
        },
      ],
      survivors: [
        {
          from: 'tag',
          to: 'tag',
          columns: [
            ['id', 'id'],
            ['code', 'code'],
          ],
          filled: [['code', 'none']],
        },
      ],
    },
  },
  {
    bug: 'NOT NULL with a default on a column whose foreign key v2 drops: the default references no row, and the key was dropped only in contract',
    pair: {
      v1: 'type Shop @wes_table {\n  id: Int! @wes_pk\n}\ntype Sale @wes_table {\n  id: Int! @wes_pk\n  shopId: Int @wes_fk(ref: "Shop.id")\n}\n',
      v2: 'type Shop @wes_table {\n  id: Int! @wes_pk\n}\ntype Sale @wes_table {\n  id: Int! @wes_pk\n  shopId: Int! @wes_default(value: 0)\n}\n',
      edits: ['dropForeignKey', 'setNotNull'],
      rows: [
        { table: 'shop', columns: ['id'], rows: [['1']] },
        {
          table: 'sale',
          columns: ['id', 'shop_id'],
          rows: [
            ['1', '1'],
            ['2', null],
          ],
        },
      ],
      survivors: [
        { from: 'shop', to: 'shop', columns: [['id', 'id']], filled: [] },
        {
          from: 'sale',
          to: 'sale',
          columns: [
            ['id', 'id'],
            ['shop_id', 'shop_id'],
          ],
          filled: [['shop_id', '0']],
        },
      ],
    },
  },
];

it('refuses a @wes_renamed onto a name the old schema still holds, instead of dropping the renamed data (WES102)', () => {
  // Was: the new `notes` continued the old `notes`, the declaration was ignored, and `title` was dropped with its data.
  const result = planMigration(
    compile('type Tag @wes_table {\n  id: Int! @wes_pk\n  title: String\n  notes: String\n}\n'),
    compile('type Tag @wes_table {\n  id: Int! @wes_pk\n  notes: String @wes_renamed(from: "title")\n}\n'),
    { allowDestructive: true },
  );
  expect(result.plan).toBeNull();
  expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['WES102', 'error']]);
});

describeEachServer('property: plan v1 -> v2 on a live database gives v2, keeps data, and rolls back to v1', (server) => {
  const db = useTestDatabase(server);
  let session: Connection;
  let serverVersion = 0;
  let n = 0;

  beforeAll(async () => {
    session = await db.connect();
    const { rows } = await session.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
    serverVersion = Number(rows[0]?.version);
  });

  regressions.forEach(({ bug, pair }, i) => {
    it(`regression: ${bug}`, () => checkPair(session, `plan_regression_${i}`, serverVersion, pair));
  });

  it(
    'random schema pairs',
    async () => {
      await fc.assert(
        fc.asyncProperty(arbitrarySchemaPair(), (pair) => checkPair(session, `plan_pair_${n++}`, serverVersion, pair)),
        { numRuns: runs },
      );
      // A pair takes under 100 ms; the rest of the budget is for shrinking a counterexample.
    },
    120_000 + runs * 1_000,
  );
});
