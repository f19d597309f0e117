import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { waitForLockHolders, type LockHolder } from '../../src/execute/wait-for-lock-holders.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Which sessions the wait counts, read from the real pg_locks: a holder is looked for once (the deadline already past). */
describeEachServer('waitForLockHolders', (server) => {
  const db = useTestDatabase(server);
  let migrator: Connection;

  beforeAll(async () => {
    migrator = await db.connect();
    await migrator.query(`
      CREATE TABLE plain (id int PRIMARY KEY);
      CREATE TABLE event (id int, at date NOT NULL) PARTITION BY RANGE (at);
      CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');`);
  });

  /** A session that has had `sql` open in a transaction for `ageMs`; `done` commits it. */
  async function holding(sql: string, ageMs = 300): Promise<{ pid: number; done: () => Promise<void> }> {
    const session = await db.connect();
    const pid = (await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? -1;
    await session.query('BEGIN');
    await session.query(sql);
    await sleep(ageMs);
    return { pid, done: async () => void (await session.query('COMMIT')) };
  }

  /** The holders one read finds for `claims`. */
  async function holdersOf(claims: Parameters<typeof waitForLockHolders>[1]): Promise<readonly LockHolder[]> {
    return (await waitForLockHolders(migrator, claims, 0, new Set(), () => undefined)).holders;
  }

  it('counts a conflicting holder, not a compatible one, and only for modes that block writes', async () => {
    const reader = await holding('SELECT count(*) FROM plain');
    try {
      expect(await holdersOf([{ relation: 'plain', mode: 'AccessExclusiveLock' }])).toMatchObject([
        { pid: reader.pid, relation: 'plain', mode: 'AccessShareLock', state: 'idle in transaction', query: 'SELECT count(*) FROM plain' },
      ]);
      // SHARE ROW EXCLUSIVE lets readers be; SHARE UPDATE EXCLUSIVE is not waited for at all (it stalls no reads or writes queued).
      expect(await holdersOf([{ relation: 'plain', mode: 'ShareRowExclusiveLock' }])).toEqual([]);
      const writer = await holding('INSERT INTO plain VALUES (1)');
      try {
        expect((await holdersOf([{ relation: 'plain', mode: 'ShareRowExclusiveLock' }])).map((h) => [h.pid, h.mode])).toEqual([
          [writer.pid, 'RowExclusiveLock'],
        ]);
        expect(await holdersOf([{ relation: 'plain', mode: 'ShareUpdateExclusiveLock' }])).toEqual([]);
      } finally {
        await writer.done();
      }
    } finally {
      await reader.done();
    }
  });

  it('counts a session waiting for a conflicting lock: the step would queue behind its request too', async () => {
    const reader = await holding('SELECT count(*) FROM plain');
    const ddl = await db.connect();
    const ddlPid = (await ddl.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? -1;
    await ddl.query('BEGIN');
    const queued = ddl.query('LOCK TABLE plain IN ACCESS EXCLUSIVE MODE');
    try {
      await sleep(300);
      // SHARE ROW EXCLUSIVE does not conflict with the reader, but with the ACCESS EXCLUSIVE request queued behind it.
      expect(await holdersOf([{ relation: 'plain', mode: 'ShareRowExclusiveLock' }])).toMatchObject([
        { pid: ddlPid, mode: 'AccessExclusiveLock', state: 'active', query: 'LOCK TABLE plain IN ACCESS EXCLUSIVE MODE' },
      ]);
    } finally {
      await reader.done();
      await queued;
      await ddl.query('ROLLBACK');
    }
  });

  it('leaves out transactions younger than 100 ms, and its own session', async () => {
    const opened = performance.now();
    const young = await holding('SELECT count(*) FROM plain', 0);
    try {
      const found = await holdersOf([{ relation: 'plain', mode: 'AccessExclusiveLock' }]);
      // Only when this machine was quick enough to read it young (it is, but for a stall).
      if (performance.now() - opened < 100) expect(found).toEqual([]);
      await sleep(200);
      expect((await holdersOf([{ relation: 'plain', mode: 'AccessExclusiveLock' }])).map((h) => h.pid)).toEqual([young.pid]);
    } finally {
      await young.done();
    }
    await migrator.query('BEGIN');
    try {
      await migrator.query('SELECT count(*) FROM plain');
      await sleep(200);
      expect(await holdersOf([{ relation: 'plain', mode: 'AccessExclusiveLock' }])).toEqual([]);
    } finally {
      await migrator.query('ROLLBACK');
    }
  });

  it("counts another role's session it may not see the activity of once two reads find it in the same transaction", async () => {
    const reader = await holding('SELECT count(*) FROM plain');
    await migrator.query('CREATE ROLE holder_wait_observer; SET ROLE holder_wait_observer');
    try {
      const claims = [{ relation: 'plain', mode: 'AccessExclusiveLock' as const }];
      // One read cannot tell it from a short write: not counted yet.
      expect(await holdersOf(claims)).toEqual([]);
      const reported: LockHolder[] = [];
      const { waited, holders } = await waitForLockHolders(migrator, claims, Date.now() + 400, new Set(), (holder) =>
        reported.push(holder),
      );
      expect(waited).toBe(true);
      expect(holders).toMatchObject([{ pid: reader.pid, relation: 'plain', mode: 'AccessShareLock', query: '<insufficient privilege>' }]);
      expect(reported.map((holder) => holder.pid)).toEqual([reader.pid]);
      expect(holders[0]?.openMs).toBeGreaterThanOrEqual(100);
    } finally {
      await migrator.query('RESET ROLE; DROP ROLE holder_wait_observer');
      await reader.done();
    }
  });

  it("follows a claim's scope to the partitions", async () => {
    const reader = await holding('SELECT count(*) FROM event_2026');
    try {
      expect(await holdersOf([{ relation: 'event', mode: 'AccessExclusiveLock' }])).toEqual([]);
      for (const scope of ['partitions', 'tree', 'leaves'] as const) {
        expect(await holdersOf([{ relation: 'event', mode: 'AccessExclusiveLock', scope }])).toMatchObject([
          { pid: reader.pid, relation: 'event_2026', mode: 'AccessShareLock' },
        ]);
      }
      // event_2026 holds rows: not a partitioned partition.
      expect(await holdersOf([{ relation: 'event', mode: 'AccessExclusiveLock', scope: 'partitioned' }])).toEqual([]);
    } finally {
      await reader.done();
    }
    // Read through the parent, the parent is held too: found under it alone (one entry per session).
    const parentReader = await holding('SELECT count(*) FROM event');
    try {
      expect(await holdersOf([{ relation: 'event', mode: 'AccessExclusiveLock' }])).toMatchObject([
        { pid: parentReader.pid, relation: 'event' },
      ]);
      expect((await holdersOf([{ relation: 'event', mode: 'AccessExclusiveLock', scope: 'partitions' }])).map((h) => h.pid)).toEqual([
        parentReader.pid,
      ]);
    } finally {
      await parentReader.done();
    }
  });

  it('skips a claim on a relation that does not exist yet (a table a step creates or renames to)', async () => {
    expect(await holdersOf([{ relation: 'not_yet', mode: 'AccessExclusiveLock' }])).toEqual([]);
  });

  it('finds a table a step renames by its claim’s renamedFrom, the name it has before the step', async () => {
    const reader = await holding('SELECT count(*) FROM plain');
    try {
      expect(await holdersOf([{ relation: 'plain_renamed', mode: 'AccessExclusiveLock', renamedFrom: 'plain' }])).toMatchObject([
        { pid: reader.pid, relation: 'plain', mode: 'AccessShareLock' },
      ]);
    } finally {
      await reader.done();
    }
  });

  it('finds partitions by oid, without a lock: one named "Reading 2025", one in schema archive, one held ACCESS EXCLUSIVE', async () => {
    await migrator.query(`
      CREATE SCHEMA archive;
      CREATE TABLE "Reading" (id int, at date NOT NULL) PARTITION BY RANGE (at);
      CREATE TABLE "Reading 2025" PARTITION OF "Reading" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY RANGE (at);
      CREATE TABLE archive."reading_H1" PARTITION OF "Reading 2025" FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
      CREATE TABLE archive.reading_2026 PARTITION OF "Reading" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');`);
    /** The holders one read finds, and the locks the read left this session holding on the tree (in its transaction). */
    const lookup = async (relation = 'Reading') => {
      await migrator.query('BEGIN');
      try {
        // Were the lookup to queue behind a lock it looks for, this ends it (and the test) instead of waiting forever.
        await migrator.query(`SET LOCAL statement_timeout = '5s'`);
        const holders = await holdersOf([{ relation, mode: 'AccessExclusiveLock', scope: 'partitions' }]);
        const { rows } = await migrator.query<{ relation: string }>(
          `SELECT l.relation::regclass::text AS relation FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE l.pid = pg_backend_pid() AND (lower(c.relname) LIKE '%reading%' OR c.relname LIKE 'event%')`,
        );
        return { holders: holders.map((h) => [h.pid, h.relation, h.mode]), locked: rows.map((row) => row.relation) };
      } finally {
        await migrator.query('COMMIT');
      }
    };
    expect(await lookup()).toEqual({ holders: [], locked: [] });
    const writer = await holding(`INSERT INTO archive."reading_H1" VALUES (1, '2025-02-01')`);
    const locker = await holding('LOCK TABLE archive.reading_2026 IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      const { holders, locked } = await lookup();
      // The writer holds its partition's parents too (ACCESS SHARE); one entry per session.
      expect(holders).toEqual([
        [writer.pid, expect.any(String), expect.any(String)],
        [locker.pid, 'archive.reading_2026', 'AccessExclusiveLock'],
      ]);
      expect(locked).toEqual([]);
      // A partition of a plainly named table held ACCESS EXCLUSIVE: found, not queued behind.
      expect(await lookup('event')).toEqual({ holders: [], locked: [] });
      const eventLocker = await holding('LOCK TABLE event_2026 IN ACCESS EXCLUSIVE MODE');
      try {
        expect(await lookup('event')).toEqual({ holders: [[eventLocker.pid, 'event_2026', 'AccessExclusiveLock']], locked: [] });
      } finally {
        await eventLocker.done();
      }
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await locker.done();
      await writer.done();
    }
  });
});
