import type { Queryable } from '../introspect/queryable.js';

/**
 * The migration ledger: two tables in the `wesley` schema of the target database. Every name is
 * schema-qualified, so a migration that sets `search_path` to `''` (pg_dump does) cannot hide it.
 *
 * - `wesley.migrations`: one row per migration: checksum, who ran it, when, how long, status.
 * - `wesley.steps`: one row per step of a migration: status, attempts, and a `cursor` (the last
 *   key of a backfill, the next statement of a SQL file) written in the same transaction as the
 *   work it records, which is what makes each unit of work apply exactly once.
 */
const ledgerDdl = [
  'CREATE SCHEMA IF NOT EXISTS wesley',
  `CREATE TABLE IF NOT EXISTS wesley.migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('plan', 'sql')),
    status text NOT NULL CHECK (status IN ('running', 'applied')),
    applied_by text NOT NULL,
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    duration_ms bigint
  )`,
  `CREATE TABLE IF NOT EXISTS wesley.steps (
    migration text NOT NULL REFERENCES wesley.migrations (name),
    step_id text NOT NULL,
    status text NOT NULL CHECK (status IN ('running', 'applied')),
    attempts integer NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    cursor jsonb,
    PRIMARY KEY (migration, step_id)
  )`,
  // The schemas a planned migration goes between (its plan's `from` and `to` hashes): the chain
  // `wesley migrate` checks a pending plan's `from` against (added after the first ledgers).
  'ALTER TABLE wesley.migrations ADD COLUMN IF NOT EXISTS from_hash text',
  'ALTER TABLE wesley.migrations ADD COLUMN IF NOT EXISTS to_hash text',
];

export type LedgerStatus = 'running' | 'applied';

export interface LedgerMigration {
  readonly name: string;
  readonly checksum: string;
  readonly kind: 'plan' | 'sql';
  readonly status: LedgerStatus;
  readonly appliedBy: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly durationMs: number | null;
  /** A planned migration's `from` and `to` schema hashes, `null` for a SQL file or a run by a version that did not record them. */
  readonly fromHash: string | null;
  readonly toHash: string | null;
}

export interface LedgerStep {
  readonly status: LedgerStatus;
  readonly attempts: number;
  readonly cursor: unknown;
}

/** Creates the ledger if it is missing (call with the migration lock held). */
export async function ensureLedger(db: Queryable): Promise<void> {
  for (const sql of ledgerDdl) await db.query(sql);
}

/** `true` when the ledger exists (status and drift read it without creating it). */
export async function hasLedger(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ present: boolean }>(`SELECT to_regclass('wesley.migrations') IS NOT NULL AS present`);
  return rows[0]?.present === true;
}

export async function readMigrations(db: Queryable): Promise<Map<string, LedgerMigration>> {
  const { rows } = await db.query<{
    name: string;
    checksum: string;
    kind: 'plan' | 'sql';
    status: LedgerStatus;
    applied_by: string;
    started_at: Date;
    finished_at: Date | null;
    duration_ms: string | null;
    from_hash: string | null;
    to_hash: string | null;
    // from_hash and to_hash read through to_jsonb: status and --dry-run read a ledger without upgrading it, and an old one lacks them.
  }>(
    `SELECT name, checksum, kind, status, applied_by, started_at, finished_at, duration_ms,
       to_jsonb(m) ->> 'from_hash' AS from_hash, to_jsonb(m) ->> 'to_hash' AS to_hash
     FROM wesley.migrations m ORDER BY name`,
  );
  return new Map(
    rows.map((row) => [
      row.name,
      {
        name: row.name,
        checksum: row.checksum,
        kind: row.kind,
        status: row.status,
        appliedBy: row.applied_by,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
        fromHash: row.from_hash,
        toHash: row.to_hash,
      },
    ]),
  );
}

export async function readSteps(db: Queryable, migration: string): Promise<Map<string, LedgerStep>> {
  const { rows } = await db.query<{ step_id: string; status: LedgerStatus; attempts: number; cursor: unknown }>(
    'SELECT step_id, status, attempts, cursor FROM wesley.steps WHERE migration = $1',
    [migration],
  );
  return new Map(rows.map((row) => [row.step_id, { status: row.status, attempts: row.attempts, cursor: row.cursor }]));
}

/**
 * Records that a migration started (or resumed: the row is kept, its status set back to running,
 * and its checksum updated: the caller refuses a changed file unless nothing of it committed).
 */
export async function startMigration(
  db: Queryable,
  entry: { name: string; checksum: string; kind: 'plan' | 'sql'; appliedBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO wesley.migrations (name, checksum, kind, status, applied_by) VALUES ($1, $2, $3, 'running', $4)
     ON CONFLICT (name) DO UPDATE SET status = 'running', checksum = EXCLUDED.checksum, applied_by = EXCLUDED.applied_by`,
    [entry.name, entry.checksum, entry.kind, entry.appliedBy],
  );
}

export async function finishMigration(db: Queryable, name: string): Promise<void> {
  await db.query(
    `UPDATE wesley.migrations SET status = 'applied', finished_at = clock_timestamp(),
       duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint
     WHERE name = $1`,
    [name],
  );
}

/**
 * Upserts a step's row. Called inside the step's own transaction for transactional work (so the
 * row commits with the work or not at all), and on its own around non-transactional work.
 * `attempts` counts the times the step was started (a `running` record).
 */
export async function recordStep(
  db: Queryable,
  migration: string,
  stepId: string,
  status: LedgerStatus,
  cursor: unknown = null,
): Promise<void> {
  await db.query(
    `INSERT INTO wesley.steps (migration, step_id, status, attempts, cursor, finished_at)
     VALUES ($1, $2, $3, 1, $4::jsonb, CASE WHEN $3 = 'applied' THEN clock_timestamp() END)
     ON CONFLICT (migration, step_id) DO UPDATE SET status = EXCLUDED.status,
       attempts = wesley.steps.attempts + (EXCLUDED.status = 'running')::int,
       cursor = EXCLUDED.cursor, finished_at = EXCLUDED.finished_at`,
    [migration, stepId, status, cursor === null ? null : JSON.stringify(cursor)],
  );
}

/** Stores a backfill's cursor (the last key of the batch being committed), in that batch's transaction. */
export async function saveCursor(db: Queryable, migration: string, stepId: string, cursor: unknown): Promise<void> {
  await db.query(
    `INSERT INTO wesley.steps (migration, step_id, status, attempts, cursor) VALUES ($1, $2, 'running', 1, $3::jsonb)
     ON CONFLICT (migration, step_id) DO UPDATE SET cursor = EXCLUDED.cursor`,
    [migration, stepId, JSON.stringify(cursor)],
  );
}

/** Records the schemas a planned migration goes between, in the transaction that records its start. */
export async function recordPlanSchemas(db: Queryable, name: string, plan: { readonly from: string; readonly to: string }): Promise<void> {
  await db.query('UPDATE wesley.migrations SET from_hash = $2, to_hash = $3 WHERE name = $1', [name, plan.from, plan.to]);
}
