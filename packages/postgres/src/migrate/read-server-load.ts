import { quoteIdent } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';

/** What backfill throttling weighs before each batch. */
export interface ServerLoad {
  /**
   * The largest replay lag among the replicas streaming from this server, in milliseconds
   * (`pg_stat_replication.replay_lag`); `null` when none streams or every one has caught up.
   */
  readonly replicaLagMs: number | null;
  /** Client sessions running a statement (`pg_stat_activity` state `active`), the migrator's own left out. */
  readonly activeSessions: number;
}

/**
 * Reads the server's load from the migrator's session, between two batches (no transaction
 * open, no lock). `replay_lag` is the time from the primary flushing WAL to a replica reporting
 * it replayed, so it grows while a replica's replay stands still; PostgreSQL shows it, and other
 * roles' sessions' states, only to superusers and members of `pg_read_all_stats`: to anyone else
 * both read as no load.
 */
export async function readServerLoad(session: Connection): Promise<ServerLoad> {
  const { rows } = await session.query<{ lag_ms: number | null; active: number }>(
    `SELECT (SELECT (extract(epoch FROM max(replay_lag)) * 1000)::float8 FROM pg_catalog.pg_stat_replication) AS lag_ms,
            (SELECT count(*)::int FROM pg_catalog.pg_stat_activity
              WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend') AS active`,
  );
  const row = rows[0];
  return { replicaLagMs: row?.lag_ms ?? null, activeSessions: row?.active ?? 0 };
}

/** A heartbeat table (as gh-ost's): a writer on the primary keeps `column` at `now()`; on a replica, its age is the replica's lag. */
export interface ReplicaHeartbeat {
  /** The replica to read it on. */
  readonly url: string;
  /** `table` or `schema.table`, as PostgreSQL names it (each part quoted as written). */
  readonly table: string;
  readonly column: string;
}

/**
 * The age of the newest heartbeat on the replica `session` is connected to, in milliseconds:
 * for a server whose `pg_stat_replication` the migrating role cannot read (a managed service, a
 * cascaded or logical replica), the lag as that replica sees it. `null` for an empty table.
 */
export async function readHeartbeatLag(session: Connection, heartbeat: ReplicaHeartbeat): Promise<number | null> {
  const table = heartbeat.table.split('.').map(quoteIdent).join('.');
  const { rows } = await session.query<{ lag_ms: number | null }>(
    `SELECT (extract(epoch FROM clock_timestamp() - max(${quoteIdent(heartbeat.column)})) * 1000)::float8 AS lag_ms FROM ${table}`,
  );
  return rows[0]?.lag_ms ?? null;
}
