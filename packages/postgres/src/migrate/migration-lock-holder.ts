import type { Queryable } from '../introspect/queryable.js';
import { advisoryLockKey, advisoryLockOids } from './advisory-lock-key.js';

/**
 * The backend that holds migrator `name`'s advisory lock on this database now (a migrator
 * running, `migrate`, `rollback` or `resolve`), or `null`. Read from `pg_locks`, which every role
 * may read, without taking the lock: a status that took it, even for a moment, could make a
 * migrator starting then wait.
 */
export async function migrationLockHolder(db: Queryable, name: string): Promise<number | null> {
  const { classid, objid } = advisoryLockOids(advisoryLockKey(name));
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_catalog.pg_locks
      WHERE locktype = 'advisory' AND granted AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 1
        AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())`,
    [classid, objid],
  );
  return rows[0]?.pid ?? null;
}
