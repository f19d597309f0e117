import type { Connection } from '../../../src/connect/connect.js';
import { advisoryLockKey } from '../../../src/migrate/advisory-lock-key.js';

/** The backend holding migrator `name`'s advisory lock in this database, or `null`. */
export interface LockHolder {
  readonly pid: number;
  /** Its client's port (`pg_stat_activity.client_port`): a proxy's server-side socket. */
  readonly clientPort: number;
}

/**
 * Who holds the migration lock, read from `pg_locks` as PostgreSQL shows a `bigint` advisory
 * key: its high and low 32 bits as `classid` and `objid`, `objsubid` 1.
 */
export async function lockHolder(session: Connection, name = 'wesley'): Promise<LockHolder | null> {
  const key = BigInt.asUintN(64, BigInt(advisoryLockKey(name)));
  const { rows } = await session.query<{ pid: number; port: number }>(
    `SELECT l.pid, a.client_port AS port FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a USING (pid)
      WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
        AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 1`,
    [(key >> 32n).toString(), (key & 0xffffffffn).toString()],
  );
  const row = rows[0];
  return row === undefined ? null : { pid: row.pid, clientPort: row.port };
}

/** Waits until a statement whose text contains `marker` runs in another session of this database. */
export async function waitForStatement(session: Connection, marker: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await session.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_catalog.pg_backend_pid() AND state = 'active'
          AND position($1 IN query) > 0) AS found`,
      [marker],
    );
    if (rows[0]?.found === true) return;
    if (Date.now() > deadline) throw new Error(`no statement with ${marker} ran within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
