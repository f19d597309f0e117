import { describe, expect, it } from 'vitest';
import { blocksReads, blocksWrites, lockModes, lockModesConflict } from '../../src/plan/lock-mode.js';

describe('lockModesConflict', () => {
  it("is symmetric, as PostgreSQL's table of conflicting lock modes is", () => {
    for (const a of lockModes) for (const b of lockModes) expect([a, b, lockModesConflict(a, b)]).toEqual([a, b, lockModesConflict(b, a)]);
  });

  it('matches the documented table: how many modes each one conflicts with', () => {
    expect(lockModes.map((mode) => lockModes.filter((other) => lockModesConflict(mode, other)).length)).toEqual([1, 2, 4, 5, 5, 6, 7, 8]);
    expect(lockModesConflict('ShareLock', 'ShareLock')).toBe(false);
    expect(lockModesConflict('ShareRowExclusiveLock', 'ShareRowExclusiveLock')).toBe(true);
    expect(lockModesConflict('ShareRowExclusiveLock', 'RowShareLock')).toBe(false);
  });

  it('says what blocks reads (ACCESS EXCLUSIVE) and writes (SHARE and stronger)', () => {
    expect(lockModes.filter(blocksReads)).toEqual(['AccessExclusiveLock']);
    expect(lockModes.filter(blocksWrites)).toEqual(['ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock']);
  });
});
