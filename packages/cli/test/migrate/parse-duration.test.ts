import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/migrate/parse-duration.js';

describe('parseDuration', () => {
  it.each([
    ['500', 'ms', 500],
    ['500ms', 's', 500],
    ['1s', 'ms', 1000],
    ['1.5s', 'ms', 1500],
    ['2', 's', 2000],
    ['0', 'ms', 0],
    ['2min', 's', 120_000],
    [' 3 s ', 'ms', 3000],
  ] as const)('reads %j (default unit %s) as %d ms', (value, unit, expected) => {
    expect(parseDuration(value, unit)).toBe(expected);
  });

  it.each(['', 'fast', '-1', '1h', '1e3', 's'])('refuses %j', (value) => {
    expect(parseDuration(value, 'ms')).toBeNull();
  });
});
