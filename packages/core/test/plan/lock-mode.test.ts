import { describe, expect, it } from 'vitest';
import { blocksReads, blocksWrites, lockModes, lockModesConflict } from '../../src/plan/lock-mode.js';

describe('lockModesConflict', () => {
  it("is symmetric, as PostgreSQL's table of conflicting lock modes is", () => {
    for (const a of lockModes) for (const b of lockModes) expect([a, b, lockModesConflict(a, b)]).toEqual([a, b, lockModesConflict(b, a)]);
  });

  it("matches the documentation's table of conflicting lock modes, cell by cell", () => {
    // Rows and columns in lockModes' order (ACCESS SHARE ... ACCESS EXCLUSIVE); X: the two conflict.
    const documented = ['.......X', '......XX', '....XXXX', '...XXXXX', '..XX.XXX', '..XXXXXX', '.XXXXXXX', 'XXXXXXXX'];
    expect(lockModes.map((a) => lockModes.map((b) => (lockModesConflict(a, b) ? 'X' : '.')).join(''))).toEqual(documented);
  });

  it('says what blocks reads (ACCESS EXCLUSIVE) and writes (SHARE and stronger)', () => {
    expect(lockModes.filter(blocksReads)).toEqual(['AccessExclusiveLock']);
    expect(lockModes.filter(blocksWrites)).toEqual(['ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock']);
  });
});
