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
});
