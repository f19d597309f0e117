import { beforeAll, expect, it } from 'vitest';
import { lintRules, lintSql, loadSqlParser, quoteIdent, statementLocks, type LintCatalog, type LintReport } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import type { Connection } from '../../src/connect/connect.js';
import { splitSqlText } from '../../src/sql-stream/split-sql-text.js';
import { lintLockTruthCases, lintLockTruthSetup } from './support/lint-lock-truth-cases.js';
import { claimedWriteBlocks, expandClaims, observeStatementLocks, type ObserverSessions } from './support/observe-locks.js';

/**
 * The lint rules' lock claims, from the lock table the planner claims by, checked against
 * pg_locks: each rule's hazardous statement and each statement of its fix, run on tables holding
 * rows, on every server of the run (linted for that server's version). A rule whose hazard is a
 * refusal is checked to be refused, with its SQLSTATE.
 */
describeEachServer('lint lock claims match pg_locks', (server) => {
  const db = useTestDatabase(server);
  let sessions: ObserverSessions;
  let serverVersion = 0;
  let schemas = 0;

  beforeAll(async () => {
    await loadSqlParser();
    sessions = { runner: await db.connect(), watcher: await db.connect(), holder: await db.connect() };
    const { rows } = await sessions.runner.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
    serverVersion = Number(rows[0]?.version);
  });

  lintLockTruthCases.forEach((testCase) => {
    it(`${testCase.rule ?? 'no rule'}: ${testCase.sql.replaceAll('\n', ' ')}`, { timeout: 120_000 }, async () => {
      const schema = await load(testCase.setup);
      const report = await lint(testCase.sql, schema);
      if (testCase.rule === null) {
        expect(report.findings).toEqual([]);
        await expectClaimsHold(report, schema);
        return;
      }
      const finding = report.findings.find((f) => f.rule === testCase.rule);
      const rule = lintRules.find((r) => r.id === testCase.rule);
      expect(finding, JSON.stringify(report.findings)).toMatchObject({ severity: rule?.hazard === 'breaks-clients' ? 'warning' : 'error' });
      if (testCase.refused !== undefined) {
        await expect(sessions.runner.query(testCase.sql)).rejects.toMatchObject({ code: testCase.refused });
        await sessions.runner.query('ROLLBACK').catch(() => undefined);
      } else {
        await expectClaimsHold(report, schema);
      }
      if (finding?.fix === null || finding?.fix === undefined) return;
      // The fix passes the linter, and its statements take what the linter says they take.
      const fixSchema = await load(testCase.setup);
      const fixed = await lint(finding.fix, fixSchema);
      expect(fixed.findings.filter((f) => f.severity === 'error')).toEqual([]);
      await expectClaimsHold(fixed, fixSchema);
    });
  });

  /** Runs each classified statement of `report` watched, and compares its locks and blocked writers with its claims. */
  async function expectClaimsHold(report: LintReport, schema: string): Promise<void> {
    const texts = new Map(items(report.file).map((item) => [item.line, item.sql]));
    for (const statement of report.classified ?? []) {
      const sql = texts.get(statement.line) ?? '';
      const transactional = statement.shapes.every((shape) => statementLocks[shape].inTransaction);
      const seen = await observeStatementLocks(sessions, { sql, transactional }, schema);
      // The linter names tables as `public.x` (the statements are unqualified); the observer by name in the schema.
      const claims = statement.locks.map((claim) => ({ ...claim, relation: claim.relation.replace(/^public\./, '') }));
      expect({ sql, locks: seen.locks, writesBlocked: seen.writesBlocked }, `pg_locks on ${server.label} (${serverVersion})`).toEqual({
        sql,
        locks: expandClaims(claims, seen.partitions),
        writesBlocked: claimedWriteBlocks({ locks: claims }, seen.probed, seen.partitions),
      });
    }
  }

  /**
   * Lints `text` for this server, with the schema's tables (holding rows; partitioned or not) and
   * indexes (a dropped index locks its table) as its catalog. Its file is the text.
   */
  async function lint(text: string, schema: string): Promise<LintReport> {
    const tables = await sessions.runner.query<{ name: string; partitioned: boolean }>(
      `SELECT c.relname::text AS name, c.relkind = 'p' AS partitioned FROM pg_catalog.pg_class c
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
      [schema],
    );
    const { rows } = await sessions.runner.query<{ index: string; table: string }>(
      `SELECT i.relname::text AS index, t.relname::text AS table
         FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
         JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1`,
      [schema],
    );
    const facts = tables.rows.map((row) => [`public.${row.name}`, { rows: 200, bytes: 8192, partitioned: row.partitioned }] as const);
    const catalog: LintCatalog = {
      tables: new Map(facts),
      indexes: new Map(rows.map((row) => [`public.${row.index}`, `public.${row.table}`])),
    };
    return lintSql({ file: text, text, statements: items(text), serverVersion, catalog });
  }

  /** A fresh schema holding the setup's tables and rows, with every session's search_path on it. */
  async function load(setup = ''): Promise<string> {
    const schema = `lint_truth_${schemas++}`;
    await sessions.runner.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const session of Object.values(sessions) as Connection[]) {
      await session.query(`SELECT set_config('search_path', $1, false)`, [quoteIdent(schema)]);
    }
    await sessions.runner.query(lintLockTruthSetup + setup);
    return schema;
  }
});

function items(text: string): { sql: string; line: number }[] {
  return splitSqlText(text).flatMap((item) => (item.kind === 'statement' ? [{ sql: item.sql, line: item.line }] : []));
}
