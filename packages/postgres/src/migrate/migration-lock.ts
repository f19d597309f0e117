import { connect, type Connection } from '../connect/connect.js';
import { advisoryLockKey } from './advisory-lock-key.js';

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

/** The held lock: a session of its own, which keeps it until `release`. */
export interface MigrationLock {
  readonly key: string;
  release(): Promise<void>;
}

/**
 * Takes the session-level advisory lock of migrator `name` on a dedicated connection. It polls
 * `pg_try_advisory_lock` outside any transaction instead of blocking in `pg_advisory_lock`: a
 * session waiting inside an open transaction would hold a snapshot that every
 * `CREATE INDEX CONCURRENTLY` of the running migrator waits for
 * (docs/architecture.md#one-migrator-at-a-time). If the process dies, the server ends the
 * session and the lock goes with it.
 */
export async function acquireMigrationLock(url: string, options: MigrationLockOptions = {}): Promise<MigrationLock> {
  const name = options.name ?? 'wesley';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const key = advisoryLockKey(name);
  const session = await connect(url);
  const deadline = Date.now() + timeoutMs;
  let told = false;
  try {
    for (;;) {
      if (await tryLock(session, key)) return { key, release: () => release(session, key) };
      if (!told) options.onWait?.();
      told = true;
      if (Date.now() >= deadline) throw new MigrationLockTimeoutError(name, timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs ?? 250, Math.max(0, deadline - Date.now()))));
    }
  } catch (error) {
    await session.close();
    throw error;
  }
}

async function tryLock(session: Connection, key: string): Promise<boolean> {
  const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key]);
  return rows[0]?.locked === true;
}

async function release(session: Connection, key: string): Promise<void> {
  try {
    await session.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
  } finally {
    await session.close();
  }
}
