import type { UsageSnapshot } from '@wesley/core/run';
import type { Queryable } from '../introspect/queryable.js';

/**
 * `wesley.usage_snapshots`: every usage snapshot `wesley usage` took, so that a window longer than
 * one stats lifetime (statistics reset by `pg_stat_statements_reset()` or a restart that lost
 * them) can still be judged. Created by `wesley usage` alone, beside the ledger's tables; the
 * migrator's usage gate only reads it, when it exists.
 */
const snapshotsDdl = [
  'CREATE SCHEMA IF NOT EXISTS wesley',
  `CREATE TABLE IF NOT EXISTS wesley.usage_snapshots (
    id bigserial PRIMARY KEY,
    taken_at timestamptz NOT NULL,
    stats_reset timestamptz,
    snapshot jsonb NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS usage_snapshots_taken_at_idx ON wesley.usage_snapshots (taken_at)',
];

/**
 * Stores `snapshot`, creating the table on first use, and in the same transaction prunes what no
 * window up to `keepMs` ending at it needs: snapshots taken before its start, except the last of
 * them in the same stats lifetime (the baseline `readStoredSnapshots` measures such a window
 * from). A run that fails stores and prunes nothing.
 */
export async function storeUsageSnapshot(db: Queryable, snapshot: UsageSnapshot, keepMs: number): Promise<void> {
  const start = new Date(Date.parse(snapshot.takenAt) - keepMs).toISOString();
  await db.query('BEGIN');
  try {
    for (const statement of snapshotsDdl) await db.query(statement);
    await db.query(
      `DELETE FROM wesley.usage_snapshots
        WHERE taken_at < $1
          AND id IS DISTINCT FROM (
            SELECT id FROM wesley.usage_snapshots
             WHERE taken_at <= $1 AND stats_reset IS NOT DISTINCT FROM $2::timestamptz
             ORDER BY taken_at DESC, id DESC LIMIT 1)`,
      [start, snapshot.statsReset],
    );
    await db.query('INSERT INTO wesley.usage_snapshots (taken_at, stats_reset, snapshot) VALUES ($1, $2, $3)', [
      snapshot.takenAt,
      snapshot.statsReset,
      JSON.stringify(snapshot),
    ]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/**
 * The stored snapshots a window of `windowMs` ending at `current` needs: those taken inside it,
 * and the last one of the same stats lifetime taken at or before its start (the baseline). None
 * when the table does not exist; nothing is created.
 */
export async function readStoredSnapshots(db: Queryable, current: UsageSnapshot, windowMs: number): Promise<UsageSnapshot[]> {
  const { rows: exists } = await db.query<{ found: boolean }>(`SELECT to_regclass('wesley.usage_snapshots') IS NOT NULL AS found`);
  if (exists[0]?.found !== true) return [];
  const start = new Date(Date.parse(current.takenAt) - windowMs).toISOString();
  const { rows } = await db.query<{ snapshot: UsageSnapshot }>(
    `SELECT snapshot FROM wesley.usage_snapshots
      WHERE taken_at >= coalesce(
        (SELECT max(taken_at) FROM wesley.usage_snapshots WHERE taken_at <= $1 AND stats_reset IS NOT DISTINCT FROM $2::timestamptz), $1)
        AND taken_at <= $3
      ORDER BY taken_at`,
    [start, current.statsReset, current.takenAt],
  );
  return rows.map((row) => row.snapshot);
}
