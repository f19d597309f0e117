import type { MigrationLock } from './migration-lock.js';

/**
 * Runs `work` (ledger writes) in a transaction of its own on the lock's session that commits
 * only if the session still holds the migration lock ({@link MigrationLock.verify}): for the
 * records written outside a step's own transaction (a migration started or finished, a statement
 * that cannot run in a transaction started or done).
 */
export async function inLockedTransaction(
  lock: MigrationLock,
  migration: string,
  step: string | null,
  work: () => Promise<void>,
): Promise<void> {
  const { session } = lock;
  await session.query('BEGIN');
  try {
    await work();
    await lock.verify(migration, step);
    await session.query('COMMIT');
  } catch (error) {
    await session.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
