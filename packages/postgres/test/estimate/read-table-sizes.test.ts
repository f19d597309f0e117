import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { readTableSizes } from '../../src/estimate/read-table-sizes.js';

/** Table sizes as the estimates and the lint catalog read them: rows, bytes, partitions summed, and never a lock wait. */
describeEachServer('readTableSizes', (server) => {
  const db = useTestDatabase(server);
  let session: Connection;
  beforeAll(async () => {
    session = await db.connect();
    await session.query(`
      CREATE TABLE account (id bigint PRIMARY KEY, name text NOT NULL);
      INSERT INTO account SELECT g, 'name ' || g FROM generate_series(1, 20000) AS g;
      CREATE TABLE "Odd Name" (id int PRIMARY KEY);
      INSERT INTO "Odd Name" SELECT generate_series(1, 500);
      CREATE TABLE event (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
      CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (id);
      CREATE TABLE event_2025_a PARTITION OF event_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE TABLE event_2025_b PARTITION OF event_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
      CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
      INSERT INTO event SELECT g, date '2025-01-01' + (g % 700) FROM generate_series(1, 14000) AS g;
      ANALYZE account, "Odd Name", event;
    `);
  }, 60_000);
  afterAll(() => session.close());

  it('reads rows and bytes of an analysed table, and of a quoted name; a missing table is absent', async () => {
    const sizes = await readTableSizes(session, ['account', 'Odd Name', 'missing']);
    const account = sizes.get('account');
    expect(account?.rows).toBe(20000);
    expect(account?.tableBytes).toBeGreaterThan(20000 * 30);
    expect(account?.indexes.map((index) => index.name)).toEqual(['account_pkey']);
    expect(account?.indexBytes).toBe(account?.indexes[0]?.bytes);
    expect(account).toMatchObject({ partitioned: false, partitions: 0, exact: true });
    expect(sizes.get('Odd Name')?.rows).toBe(500);
    expect(sizes.has('missing')).toBe(false);
  });

  it('counts rows added since the last ANALYZE, scaling its density by the pages there are now', async () => {
    await session.query(`INSERT INTO account SELECT g, 'name ' || g FROM generate_series(20001, 60000) AS g`);
    const rows = (await readTableSizes(session, ['account'])).get('account')?.rows ?? 0;
    expect(rows).toBeGreaterThan(60000 * 0.95);
    expect(rows).toBeLessThan(60000 * 1.05);
  });

  it('sums a partitioned table over every level of its partitions', async () => {
    const event = (await readTableSizes(session, ['event'])).get('event');
    expect(event).toMatchObject({ rows: 14000, partitioned: true, partitions: 4, exact: true });
    const leaves = await session.query<{ bytes: string }>(
      `SELECT sum(pg_table_size(c))::text AS bytes FROM unnest(array['event_2025_a', 'event_2025_b', 'event_2026']::regclass[]) AS c`,
    );
    expect(event?.tableBytes).toBe(Number(leaves.rows[0]?.bytes));
  });

  it('counts live tuples for a table never analysed', { timeout: 30_000 }, async () => {
    const writer = await db.connect();
    await writer.query('CREATE TABLE fresh (id int); INSERT INTO fresh SELECT generate_series(1, 3000)');
    // A session's statistics reach the shared counters as it ends (an idle one flushes them only after 10 s).
    await writer.close();
    await expect
      .poll(async () => (await readTableSizes(session, ['fresh'])).get('fresh'), { timeout: 10_000 })
      .toMatchObject({ rows: 3000 });
  });

  it('does not queue behind a session holding the table in ACCESS EXCLUSIVE mode, and says the figure is from the catalog', async () => {
    const holder = await db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE account IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const account = (await readTableSizes(session, ['account', 'Odd Name'])).get('account');
      expect(performance.now() - started).toBeLessThan(2000);
      expect(account?.exact).toBe(false);
      expect(account?.rows).toBe(20000);
      const { rows } = await session.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE pid = pg_backend_pid() AND relation = 'account'::regclass`,
      );
      expect(rows[0]?.n).toBe(0);
    } finally {
      await holder.query('ROLLBACK');
      await holder.close();
    }
  });
});
