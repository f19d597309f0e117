import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { expect, it } from 'vitest';
import { connectionLost } from '../../src/connect/connection-lost.js';
import { suppressedErrors } from '../../src/errors/suppressed-errors.js';
import { migrate } from '../../src/migrate/migrate.js';
import { migrationsDirectory } from './support/migrations-directory.js';

/** What a release on a dead session says; it must never be what a failed run reports. */
const releaseErrors = /not queryable|Connection terminated/;

/** One statement that sleeps, so a test can act while it runs, then fails. */
const sleepThenFail = `CREATE TABLE kept (id int);
DO $$ BEGIN PERFORM pg_sleep(1.5); RAISE EXCEPTION 'boom in the migration'; END $$;
`;

/**
 * Sessions that end under a run (the lock's, the migrator's): the run reports the error it failed
 * with, never an error from closing or releasing afterwards, and the lock is free once it ends.
 */
describeEachServer('migrate: errors when a session ends under the run', (server) => {
  const db = useTestDatabase(server);

  /** Waits until a backend other than `own` runs a statement containing `text`; its pid. */
  async function backendRunning(own: number, text: string): Promise<number> {
    const session = await db.connect();
    try {
      for (let i = 0; i < 200; i++) {
        const { rows } = await session.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> $1 AND state = 'active' AND query LIKE $2`,
          [own, `%${text}%`],
        );
        if (rows[0] !== undefined) return rows[0].pid;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`no backend ran ${text}`);
    } finally {
      await session.close();
    }
  }

  async function withSession<T>(body: (query: (sql: string, values?: unknown[]) => Promise<unknown[]>, pid: number) => Promise<T>) {
    const session = await db.connect();
    try {
      const { rows } = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      return await body(async (sql, values) => (await session.query(sql, values)).rows, rows[0]?.pid ?? 0);
    } finally {
      await session.close();
    }
  }

  const lockFree = () =>
    withSession(async (query) => {
      const rows = (await query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      )) as { n: number }[];
      return rows[0]?.n === 0;
    });

  it("keeps the run's own error when the lock's session was terminated while a statement failed", async () => {
    const directory = await migrationsDirectory({ '0001_sleep.sql': sleepThenFail });
    const run = migrate({ url: db.url, directory, lock: { name: `release-${server.label}` } }).then(
      () => null,
      (error: unknown) => error,
    );
    await withSession(async (query, own) => {
      await backendRunning(own, 'pg_sleep');
      await query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
    });
    const error = await run;
    expect(error).toBeInstanceOf(Error);
    // The run's error (the statement's, or the lock's loss if the run noticed it first), not the release's.
    expect((error as Error).message).toMatch(/boom in the migration|lock/i);
    expect((error as Error).message).not.toMatch(releaseErrors);
    for (const { during } of suppressedErrors(error)) expect(during).toMatch(/releasing the migration lock|closing the migration session/);
    expect(await lockFree()).toBe(true);
  });

  it("reports the migrator's own session terminated mid-statement as a lost connection, and frees the lock", async () => {
    const directory = await migrationsDirectory({ '0001_sleep.sql': sleepThenFail });
    const run = migrate({ url: db.url, directory, lock: { name: `killed-${server.label}` } }).then(
      () => null,
      (error: unknown) => error,
    );
    await withSession(async (query, own) => {
      const pid = await backendRunning(own, 'pg_sleep');
      await query('SELECT pg_terminate_backend($1)', [pid]);
    });
    const error = await run;
    expect(connectionLost(error)).toBe(true);
    expect((error as Error).message).not.toMatch(/boom/);
    expect(await lockFree()).toBe(true);
  });
});
