import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { planMigration, stableStringify, type SchemaIR } from '@wesley/core';
import { describeEachServer, useTestDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { describe, expect, it } from 'vitest';
import { AssumedFactError, PlanChainError, ServerVersionMismatchError } from '../../src/migrate/assumption-errors.js';
import { introspect } from '../../src/introspect/introspect.js';
import { migrate } from '../../src/migrate/migrate.js';
import { matchSchemaSpelling } from '../../src/spelling/match-schema-spelling.js';
import { compile, migrationsDirectory } from './support/migrations-directory.js';

// A plan states what it assumed about its target, and `migrate` checks it before the first
// statement: the server version, the tables' facts, and that each plan starts where the one
// before it leads. Each refusal must leave the database as it was: no ledger row, no DDL.

const empty: SchemaIR = { kind: 'schema', version: 1, enums: [], tables: [] };
const v1 = compile('type Task @wes_table { id: Int! @wes_pk  title: String  estimate: Int }');
// The stuck case of issue 15: NOT NULL on an existing column, `NOT VALID` on 18, the CHECK route before.
const v2 = compile('type Task @wes_table { id: Int! @wes_pk  title: String  estimate: Int! @wes_default(value: 1) }');
const v1a = compile('type Task @wes_table { id: Int! @wes_pk  title: String  estimate: Int  a: Int }');
const v1b = compile('type Task @wes_table { id: Int! @wes_pk  title: String  estimate: Int  b: Int }');
const v1ab = compile('type Task @wes_table { id: Int! @wes_pk  title: String  estimate: Int  a: Int  b: Int }');
const v1indexed = compile('type Task @wes_table { id: Int! @wes_pk  title: String @wes_index  estimate: Int }');

const planJson = (from: SchemaIR, to: SchemaIR, serverVersion: number): string => {
  const { plan, diagnostics } = planMigration(from, to, { serverVersion });
  if (plan === null) throw new Error(`no plan: ${JSON.stringify(diagnostics)}`);
  return stableStringify(plan, 2);
};

async function serverVersion(db: TestDatabase): Promise<number> {
  const session = await db.connect();
  const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
  return Number(rows[0]?.v);
}

/** The ledger's rows and the task table's columns: what a refused run must leave unchanged. */
async function state(db: TestDatabase): Promise<{ ledger: unknown[]; columns: string[] }> {
  const session = await db.connect();
  const ledger = await session.query(
    `SELECT name, status, from_hash IS NOT NULL AS has_from, (SELECT count(*)::int FROM wesley.steps s WHERE s.migration = m.name) AS steps
     FROM wesley.migrations m ORDER BY name`,
  );
  const columns = await session.query<{ attname: string }>(
    `SELECT attname FROM pg_attribute WHERE attrelid = to_regclass('task') AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
  );
  return { ledger: ledger.rows, columns: columns.rows.map((r) => r.attname) };
}

const refusal = async (run: Promise<unknown>): Promise<Error & { code?: string; help?: string }> => {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the run to be refused');
  return error;
};

describeEachServer('migrate checks what a plan assumed', (server) => {
  describe('the server version', () => {
    const db = useTestDatabase(server);

    it('refuses a plan made for another version before any statement, naming both versions', { timeout: 120_000 }, async () => {
      const version = await serverVersion(db);
      // 18 and 15 answer differently (NOT NULL ... NOT VALID): each server gets the other's plan.
      const other = version >= 180000 ? 150000 : 180000;
      const dir = await migrationsDirectory({
        '0001_init/plan.json': planJson(empty, v1, version),
        '0002_estimate/plan.json': planJson(v1, v2, other),
      });
      const error = await refusal(migrate({ url: db.url, directory: dir }));
      expect(error).toBeInstanceOf(ServerVersionMismatchError);
      expect(error.code).toBe('WES170');
      const major = (v: number) => `PostgreSQL ${Math.floor(v / 10000)} (${v})`;
      expect(error.message).toContain(`migration 0002_estimate was planned for ${major(other)}`);
      expect(error.message).toContain(`but this server is ${major(version)}: nothing was run`);
      expect(error.help).toContain(`wesley plan --server-version ${Math.floor(version / 10000)}`);
      // Not even 0001, which would have run: the run is refused whole.
      expect(await state(db)).toEqual({ ledger: [], columns: [] });

      // Planned for this server, it runs here.
      await writeFile(path.join(dir, '0002_estimate', 'plan.json'), planJson(v1, v2, version));
      expect((await migrate({ url: db.url, directory: dir })).applied).toEqual(['0001_init', '0002_estimate']);
      const session = await db.connect();
      const { rows } = await session.query(
        `SELECT attnotnull FROM pg_attribute WHERE attrelid = 'task'::regclass AND attname = 'estimate'`,
      );
      expect(rows).toEqual([{ attnotnull: true }]);
    });
  });

  describe('a range edited wider', () => {
    const db = useTestDatabase(server);

    it('is narrowed to the range the feature table gives the planned version', { timeout: 120_000 }, async () => {
      const version = await serverVersion(db);
      const other = version >= 180000 ? 150000 : 180000;
      const edited = JSON.parse(planJson(v1, v2, other)) as { assumptions: { serverVersion: unknown } };
      edited.assumptions.serverVersion = { minimum: 110000, below: null };
      const dir = await migrationsDirectory({
        '0001_init/plan.json': planJson(empty, v1, version),
        '0002_estimate/plan.json': stableStringify(edited, 2),
      });
      const error = await refusal(migrate({ url: db.url, directory: dir }));
      expect(error).toBeInstanceOf(ServerVersionMismatchError);
      expect(error.message).toContain(
        other === 150000 ? 'holds for server_version_num 140000 up to 169999' : 'holds for server_version_num 180000 and later',
      );
      expect(await state(db)).toEqual({ ledger: [], columns: [] });
    });
  });

  describe('the tables', () => {
    const db = useTestDatabase(server);

    it('refuses a plan whose table became partitioned after planning, naming the table and both facts', { timeout: 120_000 }, async () => {
      const version = await serverVersion(db);
      const dir = await migrationsDirectory({ '0001_init/plan.json': planJson(empty, v1, version) });
      await migrate({ url: db.url, directory: dir });
      const session = await db.connect();
      // Someone made task partitioned by hand, after 0002 was planned from files.
      await session.query(
        'DROP TABLE task; CREATE TABLE task (id integer NOT NULL, title text, estimate integer) PARTITION BY RANGE (id); ' +
          'CREATE TABLE task_low PARTITION OF task FOR VALUES FROM (0) TO (1000)',
      );
      await mkdir(path.join(dir, '0002_index'));
      await writeFile(path.join(dir, '0002_index', 'plan.json'), planJson(v1, v1indexed, version));
      const before = await state(db);
      const error = await refusal(migrate({ url: db.url, directory: dir }));
      expect(error).toBeInstanceOf(AssumedFactError);
      expect(error.code).toBe('WES171');
      expect(error.message).toBe(
        'migration 0002_index was planned for another database: table task exists and is partitioned, ' +
          'but the plan assumed it exists and is not partitioned; nothing of it was run',
      );
      // The way out names the migration's own directory, and the user's config when the caller says it.
      expect(error.help).toBe(
        `plan 0002_index again from the database as it is now: wesley plan --config <config file> --from <database url> --out ${path.join(dir, '0002_index')} ` +
          '(or --to <schema files> instead of --config), or put the table back as the plan assumed',
      );
      const named = await refusal(migrate({ url: db.url, directory: dir, planCommand: 'wesley plan --config db/wesley.config.ts' }));
      expect(named.help).toBe(
        `plan 0002_index again from the database as it is now: wesley plan --config db/wesley.config.ts --from <database url> --out ${path.join(dir, '0002_index')}, ` +
          'or put the table back as the plan assumed',
      );
      expect(await state(db)).toEqual(before);
      const indexes = await session.query(`SELECT indexrelid FROM pg_index WHERE indrelid = 'task'::regclass`);
      expect(indexes.rows).toEqual([]);

      // The same check before a later migration of one run: 0003 assumed a table that 0002 does not leave.
      await session.query('DROP TABLE task; CREATE TABLE task (id integer PRIMARY KEY, title text, estimate integer)');
      await mkdir(path.join(dir, '0003_more'));
      await writeFile(path.join(dir, '0003_more', 'plan.json'), planJson(v1a, v1ab, version));
      const later = await refusal(migrate({ url: db.url, directory: dir }));
      // 0002 and 0003 do not chain (v1indexed then v1a): caught before the run, not when 0003 starts.
      expect(later).toBeInstanceOf(PlanChainError);
    });
  });

  describe('parallel plans', () => {
    const db = useTestDatabase(server);

    it(
      'refuses the second of two plans made from one base, then applies it planned again onto the first',
      { timeout: 120_000 },
      async () => {
        const version = await serverVersion(db);
        const dir = await migrationsDirectory({
          '0001_init/plan.json': planJson(empty, v1, version),
          '0002_a/plan.json': planJson(v1, v1a, version),
          '0003_b/plan.json': planJson(v1, v1b, version),
        });
        // Both pending: caught before any statement of the run.
        const pending = await refusal(migrate({ url: db.url, directory: dir }));
        expect(pending).toBeInstanceOf(PlanChainError);
        expect(pending.code).toBe('WES172');
        expect(pending.message).toMatch(
          /^migration 0003_b starts from schema sha256:[0-9a-f]{12}…, but 0002_a, which runs before it, leads to sha256:[0-9a-f]{12}…: 0003_b was planned from another base \(a parallel branch\?\); nothing was run$/,
        );
        expect(await state(db)).toEqual({ ledger: [], columns: [] });

        // 0002_a deployed first (0003_b not merged yet), then 0003_b arrives: the ledger's 0002_a is the base.
        await rename(path.join(dir, '0003_b'), path.join(dir, '..', `${path.basename(dir)}-0003_b`));
        expect((await migrate({ url: db.url, directory: dir })).applied).toEqual(['0001_init', '0002_a']);
        await rename(path.join(dir, '..', `${path.basename(dir)}-0003_b`), path.join(dir, '0003_b'));
        const before = await state(db);
        expect(before.ledger).toEqual([
          { name: '0001_init', status: 'applied', has_from: true, steps: 1 },
          { name: '0002_a', status: 'applied', has_from: true, steps: 1 },
        ]);
        const applied = await refusal(migrate({ url: db.url, directory: dir }));
        expect(applied).toBeInstanceOf(PlanChainError);
        expect(applied.message).toContain('but 0002_a, applied before it, leads to');
        expect(applied.help).toBe(
          `plan 0003_b again from the database, where 0002_a left it: wesley plan --config <config file> --from <database url> --out ${path.join(dir, '0003_b')} (or --to <schema files> instead of --config)`,
        );
        // With how the user runs `wesley plan`, the help names that command.
        const named = await refusal(migrate({ url: db.url, directory: dir, planCommand: 'wesley plan --config db/wesley.config.ts' }));
        expect(named.help).toBe(
          `plan 0003_b again from the database, where 0002_a left it: wesley plan --config db/wesley.config.ts --from <database url> --out ${path.join(dir, '0003_b')}`,
        );
        expect(await state(db)).toEqual(before);

        // Planned again onto 0002_a's schema (as wesley plan --from 0002_a/ir.json does), it applies.
        await writeFile(path.join(dir, '0003_b', 'plan.json'), planJson(v1a, v1ab, version));
        expect((await migrate({ url: db.url, directory: dir })).applied).toEqual(['0003_b']);
        expect((await state(db)).columns).toEqual(['id', 'title', 'estimate', 'a', 'b']);
      },
    );
  });

  describe('the way out of WES171', () => {
    const db = useTestDatabase(server);

    it(
      'applies the plan made again from the database after a change by hand, where the ledger does not lead',
      { timeout: 120_000 },
      async () => {
        const version = await serverVersion(db);
        const dir = await migrationsDirectory({ '0001_init/plan.json': planJson(empty, v1, version) });
        await migrate({ url: db.url, directory: dir });
        const session = await db.connect();
        await session.query(
          'DROP TABLE task; CREATE TABLE task (id integer PRIMARY KEY, title text, estimate integer) PARTITION BY RANGE (id); ' +
            'CREATE TABLE task_low PARTITION OF task FOR VALUES FROM (0) TO (1000)',
        );
        // The schema now says what was done by hand, and 0002 is planned as WES171's help says:
        // from the database (its schema spelled as the target spells it, as `wesley plan --from
        // <url>` does), with the target's ir.json beside the plan.
        const target = compile(
          'type Task @wes_table @wes_partition(by: "id", strategy: "RANGE") { id: Int! @wes_pk  title: String @wes_index  estimate: Int }',
        );
        const { ir: live } = await matchSchemaSpelling(session, await introspect(session, { schema: 'public' }), target, 'public');
        await mkdir(path.join(dir, '0002_index'));
        await writeFile(path.join(dir, '0002_index', 'plan.json'), planJson(live, target, version));
        await writeFile(path.join(dir, '0002_index', 'ir.json'), stableStringify(target, 2));
        // It starts where the database is, not where 0001_init led: it runs.
        expect((await migrate({ url: db.url, directory: dir })).applied).toEqual(['0002_index']);
        const indexes = await session.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_index WHERE indrelid = 'task'::regclass AND NOT indisprimary`,
        );
        expect(indexes.rows).toEqual([{ n: 1 }]);

        // A plan whose ir.json is not its target is not compared with the database: refused as before.
        await mkdir(path.join(dir, '0003_b'));
        await writeFile(path.join(dir, '0003_b', 'plan.json'), planJson(v1a, v1ab, version));
        await writeFile(path.join(dir, '0003_b', 'ir.json'), stableStringify(v1, 2));
        const before = await state(db);
        expect(await refusal(migrate({ url: db.url, directory: dir }))).toBeInstanceOf(PlanChainError);
        expect(await state(db)).toEqual(before);
      },
    );
  });

  describe('the way out of WES172', () => {
    const db = useTestDatabase(server);

    it('names wesley plan --from <previous>/ir.json when the previous migration has one', { timeout: 120_000 }, async () => {
      const version = await serverVersion(db);
      const dir = await migrationsDirectory({
        '0001_init/plan.json': planJson(empty, v1, version),
        '0001_init/ir.json': '{}',
        '0002_b/plan.json': planJson(v1a, v1ab, version),
      });
      const error = await refusal(migrate({ url: db.url, directory: dir }));
      expect(error.help).toBe(
        `plan 0002_b again onto 0001_init: wesley plan --config <config file> --from ${path.join(dir, '0001_init', 'ir.json')} --out ${path.join(dir, '0002_b')} (or --to <schema files> instead of --config)`,
      );
    });
  });
});
