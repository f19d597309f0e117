/**
 * PostgreSQL's table lock modes, weakest first, spelled as `pg_locks.mode` shows them.
 * https://www.postgresql.org/docs/current/explicit-locking.html
 */
export const lockModes = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
] as const;

export type LockMode = (typeof lockModes)[number];

/** Plain `SELECT` takes `AccessShareLock`, which only `AccessExclusiveLock` conflicts with. */
export function blocksReads(mode: LockMode): boolean {
  return mode === 'AccessExclusiveLock';
}

/** `INSERT`/`UPDATE`/`DELETE` take `RowExclusiveLock`: `ShareLock` and stronger conflict with it. */
export function blocksWrites(mode: LockMode): boolean {
  return lockModes.indexOf(mode) >= lockModes.indexOf('ShareLock');
}

/** Orders modes weakest first. */
export function compareLockModes(a: LockMode, b: LockMode): number {
  return lockModes.indexOf(a) - lockModes.indexOf(b);
}
