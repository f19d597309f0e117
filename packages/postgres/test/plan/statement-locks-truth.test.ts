import { beforeAll, expect, it } from 'vitest';
import { lintSql, loadSqlParser, quoteIdent, statementClaims, statementLocks, type LintCatalog, type StatementShape } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import type { Connection } from '../../src/connect/connect.js';
import { splitSqlText } from '../../src/sql-stream/split-sql-text.js';
import { claimedWriteBlocks, expandClaims, observeStatementLocks, type ObserverSessions } from './support/observe-locks.js';
import { statementLockCases, statementLockSetup, type StatementLockCase } from './support/statement-lock-cases.js';

/**
 * Every row of the lock table (`statementLocks`), the one the planner claims by and the linter
 * judges by, proven on pg_locks: one real statement per row (`statementLockCases`, typed so that
 * a row without a case does not compile), run on tables holding rows on every server of the
 * run. Its `target` modes show on the table (with `indexed` when it has an index, without them
 * on a table that has none), `referenced` on the other table it names, `reads` on what its query
 * reads, and nothing else on the schema's tables; writers are held up exactly where a mode
 * blocks them; the table gets new files exactly when the row says it `rewrites`; a row that may
 * not run in a transaction is refused inside BEGIN; and the linter classifies the statement as
 * the row.
 */
describeEachServer('every row of the lock table matches pg_locks', (server) => {
  const db = useTestDatabase(server);
  let sessions: ObserverSessions;
  let serverVersion = 0;
  let schemas = 0;
  // A second tablespace for SET TABLESPACE to move to: in place (PostgreSQL 15+ and back-patched), no directory to own.
  const tablespace = `lock_truth_${process.pid}_${Date.now()}`;

  beforeAll(async () => {
    await loadSqlParser();
    sessions = { runner: await db.connect(), watcher: await db.connect(), holder: await db.connect() };
    const { rows } = await sessions.runner.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
    serverVersion = Number(rows[0]?.version);
    await sessions.runner.query('SET allow_in_place_tablespaces = on');
    await sessions.runner.query(`CREATE TABLESPACE ${quoteIdent(tablespace)} LOCATION ''`);
  });

  (Object.entries(statementLockCases) as [StatementShape, StatementLockCase][]).forEach(([shape, testCase]) => {
    it(`${shape}: ${testCase.sql}`, { timeout: 120_000 }, async () => {
      if (serverVersion < (testCase.since ?? 0)) {
        // Older servers do not have the statement: it is refused as a syntax error, not run differently.
        const schema = await load(testCase.setup);
        await expect(sessions.runner.query(sqlOf(testCase.sql))).rejects.toMatchObject({ code: '42601' });
        expect(schema).not.toBe('');
        return;
      }
      const row = statementLocks[shape];
      const schema = await load(testCase.setup);
      const classified = await classify(testCase, schema);
      expect(classified, 'the linter classifies the statement as the row').toEqual(testCase.classifiedAs?.shapes ?? [shape]);

      const filesBefore = await filenode(testCase.table, schema);
      const { referenced, reads } = testCase;
      const claims = statementClaims(shape, testCase.table, {
        indexed: true,
        serverVersion,
        ...(referenced === undefined ? {} : { referenced }),
        ...(reads === undefined ? {} : { reads }),
      });
      if (shape === 'detach-partition-concurrently') {
        // Every mode seen is claimed, and every one claimed is seen but the parent's ACCESS SHARE,
        // which is held for a moment between the waits the test can hold it at.
        const seen = await observeDetachConcurrently(sqlOf(testCase.sql), testCase.table, testCase.referenced ?? '');
        const claimed = expandClaims(claims, new Map());
        expect(seen.filter((lock) => !claimed.includes(lock))).toEqual([]);
        expect(claimed.filter((lock) => !seen.includes(lock))).toEqual(
          seen.includes(`${testCase.table}:AccessShareLock`) ? [] : [`${testCase.table}:AccessShareLock`],
        );
      } else {
        await expectClaims(sqlOf(testCase.sql), claims, schema, row.inTransaction);
      }
      const filesAfter = await filenode(testCase.table, schema);
      // A table created or dropped by the statement has files on one side only.
      if (filesBefore !== null && filesAfter !== null) {
        expect(filesAfter !== filesBefore, `new files for ${testCase.table}`).toBe(row.rewrites || testCase.newFilesBecause !== undefined);
      }

      if (testCase.withoutIndex !== undefined) {
        const bare = await load(testCase.setup);
        const without = statementClaims(shape, 'bare', { indexed: false, serverVersion });
        await expectClaims(testCase.withoutIndex, without, bare, row.inTransaction);
      } else {
        // A row with modes taken only on an indexed column needs a case without the index.
        expect(row.indexed, `${shape}: a case on a table without an index`).toEqual([]);
      }

      if (!row.inTransaction) {
        // Refused inside a transaction block, before it does anything (on tables as they were).
        const fresh = await load(testCase.setup);
        await sessions.runner.query('BEGIN');
        await expect(sessions.runner.query(sqlOf(testCase.sql))).rejects.toMatchObject({ code: '25001' });
        await sessions.runner.query('ROLLBACK');
        expect(fresh).not.toBe(schema);
      }
    });
  });

  /** Runs `sql` watched and compares the locks it took and the writers it held up with `claims`. */
  async function expectClaims(sql: string, claims: ReturnType<typeof statementClaims>, schema: string, transactional: boolean) {
    const seen = await observeStatementLocks(sessions, { sql, transactional }, schema);
    expect({ sql, locks: seen.locks, writesBlocked: seen.writesBlocked }, `pg_locks on ${server.label} (${serverVersion})`).toEqual({
      sql,
      locks: expandClaims(claims, seen.partitions),
      writesBlocked: claimedWriteBlocks({ locks: claims }, seen.probed, seen.partitions),
    });
  }

  /**
   * The relation locks `DETACH PARTITION ... CONCURRENTLY` takes or asks for, as `relation:mode`,
   * each of its two transactions held up in turn so it is seen (the locks of the first are gone
   * once it commits, and the second is over in milliseconds): a holder of SHARE UPDATE EXCLUSIVE
   * on the partition stops the first; a transaction using the parent makes it wait between the
   * two, and one started meanwhile holding the partition stops the second.
   */
  async function observeDetachConcurrently(sql: string, parent: string, partition: string): Promise<string[]> {
    const first = await db.connect();
    const second = await db.connect();
    const seen = new Set<string>();
    try {
      const pid = (await sessions.runner.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      const { rows } = await sessions.runner.query<{ path: string }>(`SELECT current_setting('search_path') AS path`);
      for (const session of [first, second]) await session.query(`SELECT set_config('search_path', $1, false)`, [rows[0]?.path ?? '']);
      await first.query('BEGIN');
      await first.query(`LOCK TABLE ${quoteIdent(partition)} IN SHARE UPDATE EXCLUSIVE MODE`);
      await sessions.holder.query('BEGIN');
      await sessions.holder.query(`LOCK TABLE ${quoteIdent(parent)} IN ACCESS SHARE MODE`);
      const running = sessions.runner.query(sql);
      running.catch(() => undefined);
      const locks = async () => {
        const { rows: held } = await sessions.watcher.query<{ relation: string | null; mode: string; granted: boolean }>(
          `SELECT c.relname::text AS relation, l.mode, l.granted FROM pg_catalog.pg_locks l
             LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation WHERE l.pid = $1`,
          [pid],
        );
        held.forEach((lock) => {
          if (lock.relation === parent || lock.relation === partition) seen.add(`${lock.relation}:${lock.mode}`);
        });
        return held;
      };
      const waitFor = async (waiting: (lock: { relation: string | null; granted: boolean }) => boolean) => {
        while (!(await locks()).some((lock) => !lock.granted && waiting(lock))) await new Promise((resolve) => setTimeout(resolve, 5));
      };
      await waitFor((lock) => lock.relation === partition); // the first transaction, stopped by `first`
      await first.query('COMMIT');
      await waitFor((lock) => lock.relation === null); // between the two, waiting for `holder` to end
      await second.query('BEGIN');
      await second.query(`LOCK TABLE ${quoteIdent(partition)} IN ACCESS SHARE MODE`);
      await sessions.holder.query('COMMIT');
      await waitFor((lock) => lock.relation === partition); // the second transaction, stopped by `second`
      await second.query('COMMIT');
      await running;
    } finally {
      for (const session of [first, second, sessions.holder]) await session.query('ROLLBACK').catch(() => undefined);
      await first.close();
      await second.close();
    }
    return [...seen].sort();
  }

  /** The shapes the linter gives the case's statement, its setup read first (a foreign key it added, ...), with the schema as its catalog. */
  async function classify(testCase: StatementLockCase, schema: string): Promise<readonly StatementShape[]> {
    const { rows } = await sessions.runner.query<{ table: string; column: string; type: string }>(
      `SELECT c.relname::text AS table, a.attname::text AS column, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
      [schema],
    );
    const tables = new Map<string, Map<string, string>>();
    for (const row of rows)
      tables.set(`public.${row.table}`, (tables.get(`public.${row.table}`) ?? new Map<string, string>()).set(row.column, row.type));
    const catalog: LintCatalog = {
      tables: new Map([...tables].map(([table, columns]) => [table, { rows: 200, bytes: 8192, partitioned: false, columns }])),
      indexes: new Map([['public.orders_total', 'public.orders']]),
    };
    const text = `${testCase.setup ?? ''}\n${sqlOf(testCase.sql)}`;
    const statements = splitSqlText(text).flatMap((item) => (item.kind === 'statement' ? [{ sql: item.sql, line: item.line }] : []));
    const report = lintSql({ file: 'case.sql', text, statements, serverVersion, catalog });
    return report.classified?.at(-1)?.shapes ?? [];
  }

  /** The table's relfilenode; `null` when it does not exist yet. */
  async function filenode(table: string, schema: string): Promise<string | null> {
    const { rows } = await sessions.runner.query<{ node: string | null }>(
      `SELECT pg_catalog.pg_relation_filenode(to_regclass($1))::text AS node`,
      [`${quoteIdent(schema)}.${quoteIdent(table)}`],
    );
    return rows[0]?.node ?? null;
  }

  /** A fresh schema holding the tables and rows of the setup, with every session's search_path on it. */
  async function load(setup = ''): Promise<string> {
    const schema = `lock_row_${schemas++}`;
    await sessions.runner.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const session of Object.values(sessions) as Connection[]) {
      await session.query(`SELECT set_config('search_path', $1, false)`, [quoteIdent(schema)]);
    }
    await sessions.runner.query(statementLockSetup + setup);
    return schema;
  }

  function sqlOf(sql: string): string {
    return sql.replace('{tablespace}', quoteIdent(tablespace));
  }
});
