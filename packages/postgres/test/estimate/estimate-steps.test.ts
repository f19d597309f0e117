import { emitDdl } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/connect/connect.js';
import { estimateSteps } from '../../src/estimate/estimate-steps.js';
import { compile, planFile } from '../migrate/support/migrations-directory.js';

const v1 = compile('type Invoice @wes_table { id: Int! @wes_pk  total: Int!  memo: String }');
const v2 = compile('type Invoice @wes_table { id: Int! @wes_pk  total: Int! @wes_index  memo: String  note: String }');

/**
 * A plan's steps estimated against a live database: sizes, a calibration cached per server, the
 * ranking, and the open transactions a step would wait for, named with pid and age, passwords masked.
 */
describeEachServer('estimateSteps', (server) => {
  const db = useTestDatabase(server);
  let session: Connection;
  let cacheDirectory: string;
  beforeAll(async () => {
    session = await db.connect();
    cacheDirectory = await mkdtemp(path.join(tmpdir(), 'wesley-estimate-'));
    await session.query(emitDdl(v1));
    await session.query(`INSERT INTO invoice SELECT g, g % 97, 'memo ' || g FROM generate_series(1, 50000) AS g`);
    await session.query('ANALYZE invoice');
  }, 60_000);
  afterAll(async () => {
    await session.close();
    await rm(cacheDirectory, { recursive: true, force: true });
  });

  it(
    'sizes each step, ranks them and names the bottleneck; the calibration is measured once per server, then read from the cache',
    { timeout: 60_000 },
    async () => {
      const { plan } = await planFile(session, v1, v2);
      const first = await estimateSteps(session, plan.steps, { cacheDirectory });
      expect(first.cached).toBe(false);
      expect(first.calibration.tookMs).toBeLessThanOrEqual(2_500);
      const index = first.steps.find((step) => step.work.kind === 'index-build');
      expect(index).toMatchObject({ rows: 50000, work: { kind: 'index-build', table: 'invoice', concurrent: true } });
      expect(index?.predictedMs).toBeGreaterThan(0);
      expect(index?.walBytes).toBeGreaterThan(50000 * 10);
      const addColumn = first.steps.find((step) => step.step.startsWith('add-column'));
      expect(addColumn).toMatchObject({ work: { kind: 'catalog' }, predictedMs: 0, rows: 0 });
      expect(first.bottleneck).toBe(index?.step);
      expect(first.ranking).toEqual([index?.step]);
      // Nothing of the calibration is left in the database.
      const { rows } = await session.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE 'wesley_calibration%'`,
      );
      expect(rows[0]?.n).toBe(0);

      const second = await estimateSteps(session, plan.steps, { cacheDirectory });
      expect(second.cached).toBe(true);
      expect(second.calibration).toEqual(first.calibration);
      expect(await readdir(path.join(cacheDirectory, 'calibration'))).toHaveLength(1);
    },
  );

  it(
    'names a transaction left open in another session as what a concurrent index build would wait for: pid, age, query without its password',
    { timeout: 60_000 },
    async () => {
      const { plan } = await planFile(session, v1, v2);
      const other = await db.connect();
      try {
        const { rows } = await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await other.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        await other.query(`SELECT count(*) FROM invoice WHERE 'postgres://report:hunter2@db/app' <> ''`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const estimate = await estimateSteps(session, plan.steps, { cacheDirectory });
        const index = estimate.steps.find((step) => step.work.kind === 'index-build');
        expect(index?.delays).toEqual([
          expect.objectContaining({ kind: 'step-delay', pid: rows[0]?.pid, state: 'idle in transaction', reason: { kind: 'snapshot' } }),
        ]);
        expect(index?.delays[0]?.openMs).toBeGreaterThanOrEqual(250);
        expect(index?.delays[0]?.query).toContain('postgres://report:***@db/app');
        expect(index?.delays[0]?.query).not.toContain('hunter2');
        // The catalog-only step waits for no snapshot, but for the reader's ACCESS SHARE lock on the table.
        expect(estimate.steps.find((step) => step.work.kind === 'catalog')?.delays).toEqual([
          expect.objectContaining({ pid: rows[0]?.pid, reason: { kind: 'lock', relation: 'invoice', mode: 'AccessShareLock' } }),
        ]);
      } finally {
        await other.close();
      }
    },
  );

  it('names the holder of a conflicting lock as what an ACCESS EXCLUSIVE step would queue behind', { timeout: 60_000 }, async () => {
    const { plan } = await planFile(session, v1, v2);
    const other = await db.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT count(*) FROM invoice');
      await other.query(`ALTER ROLE CURRENT_USER PASSWORD 'sekret'`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const estimate = await estimateSteps(session, plan.steps, { cacheDirectory });
      const addColumn = estimate.steps.find((step) => step.step.startsWith('add-column'));
      expect(addColumn?.delays).toEqual([
        expect.objectContaining({ reason: { kind: 'lock', relation: 'invoice', mode: 'AccessShareLock' }, state: 'idle in transaction' }),
      ]);
      expect(addColumn?.delays[0]?.query).toBe(`ALTER ROLE CURRENT_USER PASSWORD '***'`);
      expect(JSON.stringify(estimate)).not.toContain('sekret');
    } finally {
      await other.query('ROLLBACK');
      await other.close();
    }
  });
});
