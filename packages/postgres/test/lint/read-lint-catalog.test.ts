import { lintSql, loadSqlParser } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { readLintCatalog } from '../../src/lint/read-lint-catalog.js';

describeEachServer('readLintCatalog', (server) => {
  const db = useTestDatabase(server);

  it('reads every table by schema.table as stored, partitions summed into their parent and listed too, the search_path kept', async () => {
    const session = await db.connect();
    try {
      await session.query(`CREATE SCHEMA "Sales"`);
      await session.query(`CREATE TABLE "Sales"."Order" (id int)`);
      await session.query(`INSERT INTO "Sales"."Order" SELECT generate_series(1, 300)`);
      await session.query(`CREATE TABLE empty_one (id int)`);
      await session.query(`CREATE TABLE event (id int, at date) PARTITION BY RANGE (at)`);
      await session.query(`CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`);
      await session.query(`CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`);
      await session.query(`INSERT INTO event SELECT n, date '2024-01-01' + n FROM generate_series(1, 500) AS n`);
      await session.query(`ANALYZE`);
      await session.query(`SET search_path = "Sales", public`);
      const catalog = await readLintCatalog(session);
      const facts = (name: string) => {
        const found = catalog.tables.get(name);
        return found === undefined ? undefined : { rows: found.rows, partitioned: found.partitioned, sized: found.bytes > 0 };
      };
      expect(facts('Sales.Order')).toEqual({ rows: 300, partitioned: false, sized: true });
      expect(facts('public.empty_one')).toEqual({ rows: 0, partitioned: false, sized: false });
      expect(facts('public.event')).toEqual({ rows: 500, partitioned: true, sized: true });
      expect(facts('public.event_2024')?.rows).toBe(365);
      expect(facts('public.event_2025')?.rows).toBe(135);
      expect([...catalog.tables.keys()].filter((key) => key.startsWith('pg_') || key.startsWith('information_schema'))).toEqual([]);
      const { rows } = await session.query<{ path: string }>(`SELECT current_setting('search_path') AS path`);
      expect(rows[0]?.path).toBe('"Sales", public');
    } finally {
      await session.close();
    }
  });

  it('reads the effective search_path, and the linter finds an unqualified name where PostgreSQL does: the same table empty in one schema, holding rows in another', async () => {
    await loadSqlParser();
    const session = await db.connect();
    try {
      await session.query(`CREATE SCHEMA staging`);
      await session.query(`CREATE TABLE staging.item (id int)`);
      await session.query(`CREATE TABLE item (id int)`);
      await session.query(`INSERT INTO item SELECT generate_series(1, 1000)`);
      await session.query(`ANALYZE`);
      await session.query(`SET search_path = "$user", staging, public`);
      const catalog = await readLintCatalog(session);
      expect(catalog.searchPath).toEqual(['staging', 'public']);
      const lint = (sql: string) => {
        const statements = sql.split('\n').map((line, index) => ({ sql: line, line: index + 1 }));
        return lintSql({ file: 'm.sql', text: sql, statements, serverVersion: server.major * 10000, catalog }).findings.map(
          (finding) => `${finding.line} ${finding.rule} ${finding.locks[0]?.relation ?? ''}`,
        );
      };
      // PostgreSQL resolves `item` on this path to staging.item, which is empty: nothing to report.
      const { rows } = await session.query<{ schema: string }>(
        `SELECT n.nspname::text AS schema FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = 'item'::regclass`,
      );
      expect(rows[0]?.schema).toBe('staging');
      expect(lint('CREATE INDEX item_id ON item (id);')).toEqual([]);
      // A file that sets its own path, as pg_dump's do: public.item, holding rows.
      expect(lint(`SELECT pg_catalog.set_config('search_path', 'public', false);\nCREATE INDEX item_id ON item (id);`)).toEqual([
        '2 require-concurrent-index public.item',
      ]);
      await session.query(`SELECT pg_catalog.set_config('search_path', 'public', false)`);
      const resolved = await session.query<{ schema: string }>(
        `SELECT n.nspname::text AS schema FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = 'item'::regclass`,
      );
      expect(resolved.rows[0]?.schema).toBe('public');
    } finally {
      await session.close();
    }
  });

  it('reads what each materialized view reads, through the views it reads, and the linter claims ACCESS SHARE on each for its refresh', async () => {
    await loadSqlParser();
    const session = await db.connect();
    try {
      await session.query(`CREATE SCHEMA report`);
      await session.query(`CREATE TABLE report.sale (id int PRIMARY KEY, amount int, region int)`);
      await session.query(`CREATE TABLE region (id int PRIMARY KEY, name text)`);
      await session.query(
        `CREATE VIEW report.named_sale AS SELECT s.id, s.amount, r.name FROM report.sale s JOIN region r ON r.id = s.region`,
      );
      await session.query(
        `CREATE MATERIALIZED VIEW report.totals AS SELECT name, sum(amount) AS total FROM report.named_sale GROUP BY name`,
      );
      const catalog = await readLintCatalog(session);
      expect(catalog.views?.get('report.totals')).toEqual(['public.region', 'report.named_sale', 'report.sale']);
      const sql = 'REFRESH MATERIALIZED VIEW report.totals;';
      const report = lintSql({
        file: 'refresh.sql',
        text: sql,
        statements: [{ sql, line: 1 }],
        serverVersion: server.major * 10000,
        catalog,
      });
      expect(report.findings.map((finding) => finding.message)).toEqual([
        'REFRESH MATERIALIZED VIEW rewrites report.totals under ACCESS EXCLUSIVE: reads wait; public.region, report.named_sale, report.sale held ACCESS SHARE while its query runs',
      ]);
      const claims = report.classified?.[0]?.locks.map((claim) => `${claim.relation}:${claim.mode}`);
      expect(claims).toEqual(
        expect.arrayContaining(['public.region:AccessShareLock', 'report.named_sale:AccessShareLock', 'report.sale:AccessShareLock']),
      );
      // The refresh takes exactly these on what it reads (the view's own locks are the lock table's, proven in statement-locks-truth).
      await session.query('BEGIN');
      await session.query(sql);
      const { rows } = await session.query<{ relation: string; mode: string }>(
        `SELECT n.nspname || '.' || c.relname AS relation, l.mode FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_class c ON c.oid = l.relation
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE l.pid = pg_backend_pid() AND c.relkind IN ('r', 'v') AND n.nspname IN ('public', 'report')`,
      );
      await session.query('ROLLBACK');
      expect(rows.map((row) => `${row.relation}:${row.mode}`).sort()).toEqual(
        claims?.filter((claim) => !claim.startsWith('report.totals:')).sort(),
      );
    } finally {
      await session.close();
    }
  });
});
