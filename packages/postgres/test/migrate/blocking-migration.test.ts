import { planMigration, stableStringify, type Plan, type SchemaIR } from '@wesley/core';
import { describeEachServer, testDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { BlockingMigrationError } from '../../src/migrate/blocking-migration-error.js';
import { migrate } from '../../src/migrate/migrate.js';
import { compile, migrationsDirectory } from './support/migrations-directory.js';

const account = (fields: string) => `type Account @wes_table { id: Int! @wes_pk  a: Int  ${fields} }`;
const measurement = (extra: string, fields = '') =>
  `type Device @wes_table { id: Int! @wes_pk }
   type Measurement @wes_table @wes_partition(by: "takenAt", strategy: "RANGE") ${extra} {
     deviceId: Int! @wes_pk ${fields}
     takenAt: DateTime! @wes_pk
     reading: Int
   }`;
const empty: SchemaIR = { kind: 'schema', version: 1, enums: [], tables: [] };
const accountRows = 'INSERT INTO account (id, a) SELECT n, n FROM generate_series(1, 500) AS n;\n';
const measurementRows = `CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO device (id) SELECT n FROM generate_series(1, 3) AS n;
INSERT INTO measurement (device_id, taken_at, reading)
  SELECT 1 + n % 3, timestamptz '2024-06-01' + n * interval '1 day', n FROM generate_series(1, 400) AS n;
`;

/**
 * Each blocking pattern the planner can produce on PostgreSQL 12+ (below `blocksBelow`, when it
 * has one), and a catalog query true once it is applied.
 */
const patterns: readonly { name: string; v1: string; v2: string; rows: string; applied: string; blocksBelow?: number }[] = [
  {
    name: 'a generated column added (rewrites the table)',
    v1: account(''),
    v2: account('b: Int @wes_computed(expr: "a * 2")'),
    rows: accountRows,
    applied: `SELECT sum(b) = 2 * sum(a) AS ok FROM account`,
  },
  {
    name: 'a generated expression changed (rewrites the table)',
    v1: account('b: Int @wes_computed(expr: "a * 2")'),
    v2: account('b: Int @wes_computed(expr: "a * 3")'),
    rows: 'INSERT INTO account (id, a) SELECT n, n FROM generate_series(1, 500) AS n;\n',
    applied: `SELECT sum(b) = 3 * sum(a) AS ok FROM account`,
  },
  {
    name: 'a unique constraint on a partitioned table redefined (its index built under lock)',
    // Not the key's columns in its order: CREATE TABLE would leave out a UNIQUE the same as the primary key.
    v1: measurement('@wes_unique(columns: ["takenAt", "deviceId"], name: "measurement_reading_key")'),
    v2: measurement('@wes_unique(columns: ["takenAt", "deviceId", "reading"], name: "measurement_reading_key")'),
    rows: measurementRows,
    applied: `SELECT count(*) = 1 AS ok FROM pg_constraint WHERE conname = 'measurement_reading_key' AND cardinality(conkey) = 3`,
  },
  {
    name: 'a foreign key on a partitioned table redefined (validated while it is added)',
    v1: measurement('', '@wes_fk(ref: "Device.id")'),
    v2: measurement('', '@wes_fk(ref: "Device.id", onDelete: "CASCADE")'),
    rows: measurementRows,
    applied: `SELECT bool_and(convalidated AND confdeltype = 'c') AND count(*) >= 1 AS ok FROM pg_constraint WHERE contype = 'f' AND conrelid = 'measurement'::regclass`,
  },
  {
    name: 'a new unique constraint and foreign key on a partitioned table (laid out per partition: nothing blocks)',
    blocksBelow: 0,
    v1: measurement(''),
    v2: measurement(
      '@wes_unique(columns: ["deviceId", "takenAt", "reading"], name: "measurement_reading_key")',
      '@wes_fk(ref: "Device.id")',
    ),
    rows: measurementRows,
    applied: `SELECT count(*) = 2 AS ok FROM pg_constraint WHERE conrelid = 'measurement'::regclass AND contype IN ('u', 'f') AND convalidated`,
  },
  {
    name: 'an index of a partitioned table redefined (rebuilt under ACCESS EXCLUSIVE)',
    v1: measurement('@wes_index(columns: ["deviceId"])'),
    v2: measurement('@wes_index(columns: ["deviceId"], using: "brin")'),
    rows: measurementRows,
    applied: `SELECT count(*) = 1 AS ok FROM pg_indexes WHERE tablename = 'measurement' AND indexdef LIKE '%USING brin%'`,
  },
];

describeEachServer('migrate: a step that blocks reads or writes runs only when approved or allowed', (server) => {
  /** A fresh database for each test: a refused run must leave it as it was. */
  const fresh = () => testDatabase(server);

  /**
   * A directory that creates v1, fills it, then migrates to v2 with the plan made for this server,
   * approved (`wesley plan --allow-blocking`) or with its approvals taken out.
   */
  const directory = async (db: TestDatabase, pattern: (typeof patterns)[number], approved: boolean) => {
    const session = await db.connect();
    const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    const serverVersion = Number(rows[0]?.v);
    const plan = (from: string | null, to: string): Plan => {
      const result = planMigration(from === null ? empty : compile(from), compile(to), {
        serverVersion,
        allowBlocking: { reason: 'reviewed: the tables are small' },
      });
      if (result.plan === null) throw new Error(JSON.stringify(result.diagnostics));
      return result.plan;
    };
    const base = plan(null, pattern.v1);
    const change = plan(pattern.v1, pattern.v2);
    const blocks = serverVersion < (pattern.blocksBelow ?? Infinity);
    expect(change.steps.some((step) => step.blocking !== null)).toBe(blocks);
    const unapproved: Plan = { ...change, steps: change.steps.map((step) => ({ ...step, approval: null })) };
    const dir = await migrationsDirectory({
      '0001_marker.sql': 'CREATE TABLE marker (id integer PRIMARY KEY);\n',
      '0002_v1/plan.json': stableStringify(base, 2),
      '0003_rows.sql': pattern.rows,
      '0004_v2/plan.json': stableStringify(approved ? change : unapproved, 2),
    });
    return { dir, blocks };
  };

  it.each(patterns)(
    'refuses $name before the first statement without an approval, and applies it with --allow-blocking',
    async (pattern) => {
      const db = await fresh();
      const { dir, blocks } = await directory(db, pattern, false);
      if (!blocks) {
        // Nothing to approve on this server: it runs without the flag.
        expect((await migrate({ url: db.url, directory: dir })).applied).toHaveLength(4);
        expect((await (await db.connect()).query<{ ok: boolean }>(pattern.applied)).rows).toEqual([{ ok: true }]);
        return;
      }
      const refusal = await migrate({ url: db.url, directory: dir }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(BlockingMigrationError);
      const error = refusal as BlockingMigrationError;
      expect(error.code).toBe('WES175');
      expect(error.message).toMatch(
        /^migration 0004_v2 would block reads or writes, without an approval:\n {2}0004_v2: step \S+ holds \w+Lock on /,
      );
      expect(error.message).toMatch(/: (writes|reads and writes) wait until it ends\n {4}instead: /);
      expect(error.findings.map((f) => f.migration)).toEqual(error.findings.map(() => '0004_v2'));
      // Refused before anything ran: the migrations before it too.
      const session = await db.connect();
      expect((await session.query(`SELECT to_regclass('public.marker') AS marker`)).rows).toEqual([{ marker: null }]);
      const ledger = await session.query<{ ledger: string | null }>(`SELECT to_regclass('wesley.migrations')::text AS ledger`);
      if (ledger.rows[0]?.ledger != null) expect((await session.query('SELECT name FROM wesley.migrations')).rows).toEqual([]);

      const result = await migrate({ url: db.url, directory: dir, allowBlocking: true });
      expect(result.applied).toEqual(['0001_marker.sql', '0002_v1', '0003_rows.sql', '0004_v2']);
      expect((await session.query<{ ok: boolean }>(pattern.applied)).rows).toEqual([{ ok: true }]);
    },
    120_000,
  );

  it('applies a plan whose blocking steps are approved in plan.json, without the flag', async () => {
    const pattern = patterns[0];
    if (pattern === undefined) throw new Error('no pattern');
    const db = await fresh();
    const { dir } = await directory(db, pattern, true);
    const result = await migrate({ url: db.url, directory: dir });
    expect(result.applied).toEqual(['0001_marker.sql', '0002_v1', '0003_rows.sql', '0004_v2']);
    const session = await db.connect();
    expect((await session.query<{ ok: boolean }>(pattern.applied)).rows).toEqual([{ ok: true }]);
  }, 120_000);

  it('applies steps that block nothing (a foreign key NOT VALID, then validated) without the flag or an approval', async () => {
    const v1 = 'type Owner @wes_table { id: Int! @wes_pk } type Pet @wes_table { id: Int! @wes_pk  ownerId: Int }';
    const v2 =
      'type Owner @wes_table { id: Int! @wes_pk } type Pet @wes_table { id: Int! @wes_pk  ownerId: Int @wes_fk(ref: "Owner.id") @wes_index }';
    const db = await fresh();
    const session = await db.connect();
    const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    const serverVersion = Number(rows[0]?.v);
    const base = planMigration(empty, compile(v1), { serverVersion }).plan;
    const change = planMigration(compile(v1), compile(v2), { serverVersion });
    expect(change.diagnostics).toEqual([]);
    expect(change.plan?.steps.map((s) => [s.blocking, s.approval])).toEqual(change.plan?.steps.map(() => [null, null]));
    const dir = await migrationsDirectory({
      '0001_marker.sql': 'CREATE TABLE marker (id integer PRIMARY KEY);\n',
      '0002_v1/plan.json': stableStringify(base, 2),
      '0003_rows.sql':
        'INSERT INTO owner SELECT generate_series(1, 10);\nINSERT INTO pet SELECT n, 1 + n % 10 FROM generate_series(1, 300) AS n;\n',
      '0004_v2/plan.json': stableStringify(change.plan, 2),
    });
    const result = await migrate({ url: db.url, directory: dir });
    expect(result.applied).toEqual(['0001_marker.sql', '0002_v1', '0003_rows.sql', '0004_v2']);
  }, 120_000);
});
