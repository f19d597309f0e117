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
 * PostgreSQL's table of conflicting lock modes (the documentation's "Conflicting Lock Modes"):
 * each mode and the modes it conflicts with. The table is symmetric.
 */
const conflicts: { readonly [M in LockMode]: readonly LockMode[] } = {
  AccessShareLock: ['AccessExclusiveLock'],
  RowShareLock: ['ExclusiveLock', 'AccessExclusiveLock'],
  RowExclusiveLock: ['ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'],
  ShareUpdateExclusiveLock: ['ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'],
  ShareLock: ['RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'],
  ShareRowExclusiveLock: [
    'RowExclusiveLock',
    'ShareUpdateExclusiveLock',
    'ShareLock',
    'ShareRowExclusiveLock',
    'ExclusiveLock',
    'AccessExclusiveLock',
  ],
  ExclusiveLock: [
    'RowShareLock',
    'RowExclusiveLock',
    'ShareUpdateExclusiveLock',
    'ShareLock',
    'ShareRowExclusiveLock',
    'ExclusiveLock',
    'AccessExclusiveLock',
  ],
  AccessExclusiveLock: lockModes,
};

/** Whether a session holding one of the two modes on a table makes a request for the other wait. */
export function lockModesConflict(a: LockMode, b: LockMode): boolean {
  return conflicts[a].includes(b);
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
