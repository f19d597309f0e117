import { connect, type Connection } from '../connect/connect.js';
import { StepFailedError } from '../execute/step-failed-error.js';
import { advisoryLockKey, advisoryLockOids } from './advisory-lock-key.js';
import { MigrationLockLostError } from './migration-lock-lost-error.js';
import { configureMigratorSession } from './migrator-session.js';

export interface MigrationLockOptions {
  /** What is locked: one migrator per name per database (default `wesley`). */
  readonly name?: string;
  /** Give up after this long (default 60 s). */
  readonly timeoutMs?: number;
  /** Time between attempts (default 250 ms). */
  readonly pollMs?: number;
  /** Told once when the lock is held by someone else and this migrator starts waiting. */
  readonly onWait?: () => void;
}

/** Another migrator held the lock for the whole wait. */
export class MigrationLockTimeoutError extends Error {
  constructor(name: string, timeoutMs: number) {
    super(`another migrator holds the "${name}" migration lock; gave up after ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'MigrationLockTimeoutError';
  }
}

/**
 * The held lock and the one session that holds it. The migrator runs all its work on that
 * session, so no work can outlive the lock: when the session ends, for whatever reason, the lock
 * and every uncommitted transaction of the run end with it (docs/architecture.md#one-migrator-at-a-time).
 */
export interface MigrationLock {
  readonly name: string;
  readonly key: string;
  readonly session: Connection;
  /**
   * Throws a {@link MigrationLockLostError} unless this session's server backend holds the lock
   * now; else returns how many locks the backend holds in the server's shared lock table (not
   * fast-path), which the SQL runner sizes its transactions by. Called in every transaction that
   * commits work or ledger rows, just before `COMMIT`, and before every statement that cannot run
   * in a transaction: on the lock's own backend a check that passes holds until the transaction
   * ends. It catches what the end of the session cannot: a pooler that moved the session to
   * another server connection, or the migration's own SQL releasing advisory locks.
   */
  verify(migration: string | null, step: string | null): Promise<number>;
  /**
   * What `error`, the error a run failed with, amounts to: a {@link MigrationLockLostError} when the
   * lock is gone (its session ended, or no longer holds it), else `null`.
   */
  lostBy(error: unknown, migration: string | null, step: string | null): Promise<MigrationLockLostError | null>;
  /** Releases the lock and closes its session. A session that already ended has nothing to release: the server released the lock with it. */
  release(): Promise<void>;
}

/**
 * Takes the session-level advisory lock of migrator `name` on a session that becomes the
 * migrator's only one (see {@link MigrationLock}). It polls `pg_try_advisory_lock` outside any
 * transaction instead of blocking in `pg_advisory_lock`: a session waiting inside an open
 * transaction would hold a snapshot that every `CREATE INDEX CONCURRENTLY` of the running
 * migrator waits for (docs/architecture.md#one-migrator-at-a-time). If the process dies, the
 * server ends the session (within a second even inside a long statement, see
 * `configureMigratorSession`) and the lock goes with it.
 */
export async function acquireMigrationLock(url: string, options: MigrationLockOptions = {}): Promise<MigrationLock> {
  const name = options.name ?? 'wesley';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const key = advisoryLockKey(name);
  const session = await connect(url);
  let ended = false;
  session.client.once('end', () => {
    ended = true;
  });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  try {
    await configureMigratorSession(session);
    for (;;) {
      if (await tryLock(session, key)) break;
      if (!told) options.onWait?.();
      told = true;
      if (Date.now() >= deadline) throw new MigrationLockTimeoutError(name, timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs ?? 250, Math.max(0, deadline - Date.now()))));
    }
  } catch (error) {
    await session.close();
    throw error;
  }
  const verify = async (migration: string | null, step: string | null): Promise<number> => {
    const { held, locks } = await lockState(session, key);
    if (!held) throw new MigrationLockLostError(name, migration, step, 'this session no longer holds it');
    return locks;
  };
  return {
    name,
    key,
    session,
    verify,
    async lostBy(error, migration, step) {
      if (error instanceof MigrationLockLostError) return error;
      // A check that failed inside a step comes wrapped in the step's failure.
      if (error instanceof StepFailedError && error.cause instanceof MigrationLockLostError) return error.cause;
      const at = error instanceof StepFailedError ? error.stepId : step;
      if (!ended) {
        try {
          // The failed transaction, if one is open, must end before the check can run.
          await session.query('ROLLBACK');
          if ((await lockState(session, key)).held) return null;
          return new MigrationLockLostError(name, migration, at, 'this session no longer holds it', { cause: error });
        } catch {
          // The session is not usable: it ended under the check.
        }
      }
      return new MigrationLockLostError(name, migration, at, `its session ended (${messageOf(error)})`, { cause: error });
    },
    async release() {
      try {
        if (!ended) await session.query('SELECT pg_catalog.pg_advisory_unlock($1::bigint)', [key]);
      } catch {
        // Closing the session below releases the lock all the same.
      } finally {
        await session.close();
      }
    },
  };
}

async function tryLock(session: Connection, key: string): Promise<boolean> {
  const { rows } = await session.query<{ locked: boolean }>('SELECT pg_catalog.pg_try_advisory_lock($1::bigint) AS locked', [key]);
  return rows[0]?.locked === true;
}

/** Whether this backend holds the advisory lock `key` (`advisoryLockOids`), and how many locks it holds in the shared lock table. */
async function lockState(session: Connection, key: string): Promise<{ held: boolean; locks: number }> {
  const { classid, objid } = advisoryLockOids(key);
  const { rows } = await session.query<{ held: boolean; locks: number }>(
    `SELECT coalesce(bool_or(locktype = 'advisory' AND granted AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 1
                             AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())), false) AS held,
            count(*) FILTER (WHERE NOT fastpath)::int AS locks
       FROM pg_catalog.pg_locks WHERE pid = pg_catalog.pg_backend_pid()`,
    [classid, objid],
  );
  return { held: rows[0]?.held === true, locks: rows[0]?.locks ?? 0 };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
