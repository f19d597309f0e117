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

/**
 * PostgreSQL's table of conflicting lock modes (the documentation's "Conflicting Lock Modes"),
 * folded: each mode conflicts with one mode and every stronger one, which this names, except
 * that SHARE does not conflict with itself (several sessions build indexes with it at once).
 * The table is symmetric.
 */
const weakestConflicting: { readonly [M in LockMode]: LockMode } = {
  AccessShareLock: 'AccessExclusiveLock',
  RowShareLock: 'ExclusiveLock',
  RowExclusiveLock: 'ShareLock',
  ShareUpdateExclusiveLock: 'ShareUpdateExclusiveLock',
  ShareLock: 'RowExclusiveLock',
  ShareRowExclusiveLock: 'RowExclusiveLock',
  ExclusiveLock: 'RowShareLock',
  AccessExclusiveLock: 'AccessShareLock',
};

/** Whether a session holding one of the two modes on a table makes a request for the other wait. */
export function lockModesConflict(a: LockMode, b: LockMode): boolean {
  return !(a === 'ShareLock' && b === 'ShareLock') && compareLockModes(b, weakestConflicting[a]) >= 0;
}

/** Plain `SELECT` takes `AccessShareLock`, which only `AccessExclusiveLock` conflicts with. */
export function blocksReads(mode: LockMode): boolean {
  return lockModesConflict(mode, 'AccessShareLock');
}

/** `INSERT`/`UPDATE`/`DELETE` take `RowExclusiveLock`: `ShareLock` and stronger conflict with it. */
export function blocksWrites(mode: LockMode): boolean {
  return lockModesConflict(mode, 'RowExclusiveLock');
}

/** Orders modes weakest first. */
export function compareLockModes(a: LockMode, b: LockMode): number {
  return lockModes.indexOf(a) - lockModes.indexOf(b);
}
