import type { Queryable } from '../introspect/queryable.js';

/**
 * The migration ledger: two tables in the `wesley` schema of the target database. Every name is
 * schema-qualified, so a migration that sets `search_path` to `''` (pg_dump does) cannot hide it.
 *
 * - `wesley.migrations`: one row per migration: checksum, who ran it, when, how long, status
 *   (`running`, `applied`, `rolling-back`, `rolled-back`), and who recorded its state by hand
 *   (`wesley migrate resolve`), if anyone did.
 * - `wesley.steps`: one row per step of a migration: status (`running`, `applied`, and while
 *   `wesley migrate rollback` undoes it `rolling-back`, then `rolled-back`), attempts, and a
 *   `cursor` (the last key of a backfill, the next statement of a SQL file) written in the same
 *   transaction as the work it records, which is what makes each unit of work apply exactly once.
 *
 * Ledgers made by earlier versions are upgraded in place (`ledgerUpgrade`): every statement is
 * idempotent, so a run on an up-to-date ledger changes nothing.
 */
const statuses = `('running', 'applied', 'rolling-back', 'rolled-back')`;
const ledgerDdl = [
  'CREATE SCHEMA IF NOT EXISTS wesley',
  `CREATE TABLE IF NOT EXISTS wesley.migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('plan', 'sql')),
    status text NOT NULL CONSTRAINT migrations_status_check CHECK (status IN ${statuses}),
    applied_by text NOT NULL,
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    duration_ms bigint
  )`,
  `CREATE TABLE IF NOT EXISTS wesley.steps (
    migration text NOT NULL REFERENCES wesley.migrations (name),
    step_id text NOT NULL,
    status text NOT NULL CONSTRAINT steps_status_check CHECK (status IN ${statuses}),
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

/**
 * What a ledger made by an earlier version lacks: the statuses of a rollback (its CHECKs allowed
 * `running` and `applied` only) and `resolved_by`. The CHECKs are replaced only when they lack
 * `rolled-back`, so an up-to-date ledger takes no ACCESS EXCLUSIVE lock here.
 */
const ledgerUpgrade = [
  'ALTER TABLE wesley.migrations ADD COLUMN IF NOT EXISTS resolved_by text',
  ...(['migrations', 'steps'] as const).map(
    (table) => `DO $upgrade$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = 'wesley.${table}'::regclass
                   AND conname = '${table}_status_check' AND pg_catalog.pg_get_constraintdef(oid) LIKE '%rolled-back%') THEN
      ALTER TABLE wesley.${table} DROP CONSTRAINT IF EXISTS ${table}_status_check,
        ADD CONSTRAINT ${table}_status_check CHECK (status IN ${statuses});
    END IF;
  END $upgrade$`,
  ),
];

/**
 * Where a migration or a step is: `running` (started, not finished: interrupted, failed or
 * running now), `applied`, `rolling-back` (`wesley migrate rollback` started undoing it),
 * `rolled-back` (undone: the database is as before it, and its file may be replaced).
 */
export type LedgerStatus = 'running' | 'applied' | 'rolling-back' | 'rolled-back';

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
  /** Who recorded the status by hand (`wesley migrate resolve`), or `null`. */
  readonly resolvedBy: string | null;
}

export interface LedgerStep {
  readonly status: LedgerStatus;
  readonly attempts: number;
  readonly cursor: unknown;
}

/** Creates the ledger if it is missing (call with the migration lock held). */
export async function ensureLedger(db: Queryable): Promise<void> {
  // One query string: PostgreSQL runs it as one implicit transaction, so a ledger is created or
  // upgraded whole (a killed migrator leaves no half-made ledger), in one round trip.
  await db.query([...ledgerDdl, ...ledgerUpgrade].join(';\n'));
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
    resolved_by: string | null;
    from_hash: string | null;
    to_hash: string | null;
    // resolved_by, from_hash and to_hash read through to_jsonb: status reads a ledger without upgrading it, and an old one lacks the column.
  }>(
    `SELECT name, checksum, kind, status, applied_by, started_at, finished_at, duration_ms, to_jsonb(m) ->> 'resolved_by' AS resolved_by,
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
        resolvedBy: row.resolved_by,
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
 * A rolled-back migration starts afresh: the step rows of what was undone go, since its file
 * may now be another plan whose steps share their ids.
 */
export async function startMigration(
  db: Queryable,
  entry: { name: string; checksum: string; kind: 'plan' | 'sql'; appliedBy: string },
): Promise<void> {
  await db.query(
    `DELETE FROM wesley.steps s USING wesley.migrations m WHERE s.migration = $1 AND m.name = $1 AND m.status = 'rolled-back'`,
    [entry.name],
  );
  await db.query(
    `INSERT INTO wesley.migrations (name, checksum, kind, status, applied_by) VALUES ($1, $2, $3, 'running', $4)
     ON CONFLICT (name) DO UPDATE SET status = 'running', checksum = EXCLUDED.checksum, applied_by = EXCLUDED.applied_by,
       resolved_by = NULL`,
    [entry.name, entry.checksum, entry.kind, entry.appliedBy],
  );
}

/**
 * Sets a migration's status: `rolling-back` and `rolled-back` by `wesley migrate rollback`,
 * any status by `wesley migrate resolve`, which names itself in `resolvedBy`. A migration the
 * ledger does not know yet (resolved as applied before any run) gets its row.
 */
export async function setMigrationStatus(
  db: Queryable,
  entry: { name: string; checksum: string; kind: 'plan' | 'sql'; appliedBy: string },
  status: LedgerStatus,
  resolvedBy: string | null = null,
): Promise<void> {
  await db.query(
    `INSERT INTO wesley.migrations (name, checksum, kind, status, applied_by, resolved_by, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $4 IN ('applied', 'rolled-back') THEN clock_timestamp() END)
     ON CONFLICT (name) DO UPDATE SET status = EXCLUDED.status, resolved_by = EXCLUDED.resolved_by,
       finished_at = EXCLUDED.finished_at`,
    [entry.name, entry.checksum, entry.kind, status, entry.appliedBy, resolvedBy],
  );
}

/**
 * Sets the status of a step's row as `wesley migrate rollback` undoes it: inside the undo's own
 * transaction for a transactional undo (so the row and the undo commit together), around it for
 * one that runs outside a transaction.
 */
export async function recordUndo(db: Queryable, migration: string, stepId: string, status: 'rolling-back' | 'rolled-back'): Promise<void> {
  await db.query(
    `UPDATE wesley.steps SET status = $3, finished_at = CASE WHEN $3 = 'rolled-back' THEN clock_timestamp() END
     WHERE migration = $1 AND step_id = $2`,
    [migration, stepId, status],
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
