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
