import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { StepFailedError } from '../../src/execute/step-failed-error.js';
import { migrate } from '../../src/migrate/migrate.js';
import { migrationsDirectory } from './support/migrations-directory.js';

const tables = 5000;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/**
 * The lock table (issue 13, item 13): a transaction keeps every lock it takes until it ends, and
 * the server's shared lock table holds about `max_locks_per_transaction` (64 by default) locks
 * per connection slot. `psql -f` commits each statement, so a file of thousands of DDL statements
 * never holds more than one statement's locks; a migrator that ran the whole file as one
 * transaction ran out of shared memory. Each file here holds thousands of statements that each
 * lock other relations, and must apply as psql applies it, on a server with the default setting.
 */
describeEachServer('migrate: a file that locks thousands of relations', (server) => {
  const db = useTestDatabase(server);

  async function session(): Promise<Connection> {
    const connection = await db.connect();
    const { rows } = await connection.query<{ n: string }>(`SELECT current_setting('max_locks_per_transaction') AS n`);
    expect(rows[0]?.n).toBe('64');
    // Each test's directory is a history of its own.
    await connection.query('DROP SCHEMA IF EXISTS wesley CASCADE');
    return connection;
  }

  it(`applies a schema.sql of ${tables} CREATE TABLE statements`, { timeout: 120_000 }, async () => {
    const connection = await session();
    const directory = await migrationsDirectory({
      '0001_schema.sql': range(tables)
        .map((i) => `CREATE TABLE public.t${i} (id integer PRIMARY KEY, name text NOT NULL);`)
        .join('\n'),
      // DML locks too: a row into each table takes a lock on it and on its primary key index.
      '0002_rows.sql': range(tables)
        .map((i) => `INSERT INTO public.t${i} VALUES (${i}, 'row ${i}');`)
        .join('\n'),
    });
    const result = await migrate({ url: db.url, directory });
    expect(result.applied).toEqual(['0001_schema.sql', '0002_rows.sql']);
    const { rows } = await connection.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_catalog.pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    expect(rows[0]?.n).toBe(tables);
    const sample = await connection.query(`SELECT id, name FROM public.t${tables}`);
    expect(sample.rows).toEqual([{ id: tables, name: `row ${tables}` }]);
  });

  it('applies 2,500 tables of six relations each: a sequence, a TOAST table and three indexes', { timeout: 120_000 }, async () => {
    const connection = await session();
    const count = 2500;
    const directory = await migrationsDirectory({
      '0001_items.sql': range(count)
        .map((i) => `CREATE TABLE public.item${i} (id serial PRIMARY KEY, code text UNIQUE);`)
        .join('\n'),
    });
    const result = await migrate({ url: db.url, directory });
    expect(result.applied).toEqual(['0001_items.sql']);
    const { rows } = await connection.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_catalog.pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'`,
    );
    expect(rows[0]?.n).toBe(count);
  });

  it('applies a column and an index added to each of 5,000 tables', { timeout: 120_000 }, async () => {
    const connection = await session();
    const directory = await migrationsDirectory({
      '0001_tables.sql': range(tables)
        .map((i) => `CREATE TABLE public.u${i} (id integer);`)
        .join('\n'),
      '0002_notes.sql': range(tables)
        .flatMap((i) => [`ALTER TABLE public.u${i} ADD COLUMN note text;`, `CREATE INDEX u${i}_note ON public.u${i} (note);`])
        .join('\n'),
    });
    const result = await migrate({ url: db.url, directory });
    expect(result.applied).toEqual(['0001_tables.sql', '0002_notes.sql']);
    const { rows } = await connection.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_catalog.pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'u%\\_note'`,
    );
    expect(rows[0]?.n).toBe(tables);
  });

  it(
    'a single statement that needs more locks than the table holds fails alone, naming the setting, after what came before it committed',
    { timeout: 120_000 },
    async () => {
      const connection = await session();
      const directory = await migrationsDirectory({
        '0001_one_big_statement.sql': [
          'CREATE TABLE public.before_big (id integer);',
          // One statement, which psql could not run either: each advisory lock is an entry in the lock table.
          'SELECT pg_catalog.pg_advisory_xact_lock(g) FROM generate_series(1, 100000) AS g;',
          'CREATE TABLE public.after_big (id integer);',
        ].join('\n'),
      });
      const error = await migrate({ url: db.url, directory }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StepFailedError);
      expect((error as StepFailedError).stepId).toBe('0001_one_big_statement.sql:2');
      expect((error as Error).message).toMatch(/out of shared memory \(You might need to increase "?max_locks_per_transaction"?\)$/);
      const { rows } = await connection.query(
        `SELECT to_regclass('public.before_big') IS NOT NULL AS before, to_regclass('public.after_big') IS NOT NULL AS after`,
      );
      expect(rows).toEqual([{ before: true, after: false }]);
    },
  );
});
