import { describeEachServer, testDatabase, type TestDatabase } from '@wesley/postgres/testing';
import type { SchemaIR } from '@wesley/core';
import { expect, it } from 'vitest';
import { migrate } from '../../src/migrate/migrate.js';
import { SqlHazardError } from '../../src/migrate/sql-hazard-error.js';
import { compile, migrationsDirectory, planFile } from './support/migrations-directory.js';

const empty: SchemaIR = { kind: 'schema', version: 1, enums: [], tables: [] };
const team = compile('type Team @wes_table { id: Int! @wes_pk  name: String }');
const unapproved = 'CREATE INDEX account_note ON account (note);\n';
const approved =
  '-- wesley:allow-blocking reviewed: account has 2,000 rows, the build takes milliseconds\nCREATE INDEX account_note ON account (note);\n';

describeEachServer('migrate: a hand-written statement that blocks runs only when approved or allowed', (server) => {
  /**
   * A fresh database whose `account` table holds `rows` rows (analysed, as a live table is), and
   * a directory of a planned migration (a new table) then a SQL file holding `sql`.
   */
  const setUp = async (sql: string, rows = 2000) => {
    const db = await testDatabase(server);
    const session = await db.connect();
    try {
      await session.query('CREATE TABLE account (id int PRIMARY KEY, note text)');
      await session.query(`INSERT INTO account SELECT n, 'note ' || n FROM generate_series(1, ${rows}) AS n`);
      await session.query('ANALYZE account');
      const dir = await migrationsDirectory({ '0001_team/plan.json': (await planFile(session, empty, team)).json, '0002_index.sql': sql });
      return { db, dir };
    } finally {
      await session.close();
    }
  };

  /** What a refused run must have left alone: no ledger rows, no table of the plan, no index. */
  const untouched = async (db: TestDatabase) => {
    const session = await db.connect();
    try {
      const { rows } = await session.query<{ team: string | null; index: string | null; ledger: string | null }>(
        `SELECT to_regclass('public.team')::text AS team, to_regclass('public.account_note')::text AS index,
                to_regclass('wesley.migrations')::text AS ledger`,
      );
      expect(rows[0]?.team).toBeNull();
      expect(rows[0]?.index).toBeNull();
      if (rows[0]?.ledger != null) expect((await session.query('SELECT name FROM wesley.migrations')).rows).toEqual([]);
    } finally {
      await session.close();
    }
  };

  const indexed = async (db: TestDatabase) => {
    const session = await db.connect();
    try {
      const { rows } = await session.query<{ index: string | null; team: string | null }>(
        `SELECT to_regclass('public.account_note')::text AS index, to_regclass('public.team')::text AS team`,
      );
      expect(rows[0]).toEqual({ index: 'account_note', team: 'team' });
    } finally {
      await session.close();
    }
  };

  it('refuses an unapproved CREATE INDEX on a populated table before anything runs, the planned migration before it too', async () => {
    const { db, dir } = await setUp(unapproved);
    const refusal = await migrate({ url: db.url, directory: dir }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SqlHazardError);
    const error = refusal as SqlHazardError;
    expect(error.code).toBe('WES340');
    expect(error.findings.map((f) => [f.file, f.line, f.column, f.code, f.rule, f.severity])).toEqual([
      ['0002_index.sql', 1, 1, 'WES302', 'require-concurrent-index', 'error'],
    ]);
    expect(error.message).toMatch(
      /^SQL migration 0002_index\.sql would block reads or writes, without an approval:\n {2}0002_index\.sql:1:1 {2}WES302 {2}require-concurrent-index: /,
    );
    expect(error.message).toContain('\n    instead: CREATE INDEX CONCURRENTLY account_note ON account (note);');
    await untouched(db);
  }, 120_000);

  it('runs the statement approved on the line above it', async () => {
    const { db, dir } = await setUp(approved);
    expect((await migrate({ url: db.url, directory: dir })).applied).toEqual(['0001_team', '0002_index.sql']);
    await indexed(db);
  }, 120_000);

  it('runs it unapproved with allowBlocking (--allow-blocking)', async () => {
    const { db, dir } = await setUp(unapproved);
    expect((await migrate({ url: db.url, directory: dir, allowBlocking: true })).applied).toEqual(['0001_team', '0002_index.sql']);
    await indexed(db);
  }, 120_000);

  it('runs it unapproved on a table the database holds empty: nothing waits for the build', async () => {
    const { db, dir } = await setUp(unapproved, 0);
    expect((await migrate({ url: db.url, directory: dir })).applied).toEqual(['0001_team', '0002_index.sql']);
    await indexed(db);
  }, 120_000);

  it('runs an index on a table an earlier migration of the run creates (a plan, or a SQL file), judged as it is then: empty', async () => {
    const db = await testDatabase(server);
    const session = await db.connect();
    try {
      const dir = await migrationsDirectory({
        '0001_team/plan.json': (await planFile(session, empty, team)).json,
        '0002_item.sql': 'CREATE TABLE item (id int PRIMARY KEY, note text);\n',
        '0003_indexes.sql': 'CREATE INDEX team_name ON team (name);\nCREATE INDEX item_note ON item (note);\n',
      });
      expect((await migrate({ url: db.url, directory: dir })).applied).toEqual(['0001_team', '0002_item.sql', '0003_indexes.sql']);
      const { rows } = await session.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_indexes WHERE indexname IN ('team_name', 'item_note')`,
      );
      expect(rows[0]?.n).toBe(2);
    } finally {
      await session.close();
    }
  }, 120_000);

  it('judges an unqualified name by the search_path the file sets: a table of the same name, empty in its schema, runs; the populated one is refused', async () => {
    const created = 'CREATE SCHEMA app;\nSET search_path = app;\nCREATE TABLE account (id int PRIMARY KEY, note text);\n';
    const { db, dir } = await setUp(`${created}CREATE INDEX account_note ON account (note);\n`);
    expect((await migrate({ url: db.url, directory: dir })).applied).toEqual(['0001_team', '0002_index.sql']);
    const refused = await setUp(`SET search_path = app, public;\n${unapproved}`);
    const refusal = (await migrate({ url: refused.db.url, directory: refused.dir }).catch((error: unknown) => error)) as SqlHazardError;
    expect(refusal.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.locks[0]?.relation ?? ''}`)).toEqual([
      '0002_index.sql:2 require-concurrent-index public.account',
    ]);
    await untouched(refused.db);
    // A table an earlier file creates is known in the schema its path put it in.
    const later = await migrationsDirectory({
      '0001_item.sql': `${created.replace('account', 'item')}`,
      '0002_index.sql': 'CREATE INDEX item_note ON app.item (note);\n',
    });
    const fresh = await testDatabase(server);
    expect((await migrate({ url: fresh.url, directory: later })).applied).toEqual(['0001_item.sql', '0002_index.sql']);
  }, 120_000);

  it('names every hazard of every pending SQL file in one refusal', async () => {
    const { db, dir } = await setUp(`${unapproved}ALTER TABLE account ADD CONSTRAINT account_note_check CHECK (note <> '');\n`);
    const refusal = (await migrate({ url: db.url, directory: dir }).catch((error: unknown) => error)) as SqlHazardError;
    expect(refusal.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      '0002_index.sql:1 require-concurrent-index',
      '0002_index.sql:2 check-not-valid',
    ]);
    await untouched(db);
  }, 120_000);
});
