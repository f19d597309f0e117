import { expect, it } from 'vitest';
import { formatDuration } from '../../src/migrate/format-duration.js';

it.each([
  [0, '0 ms'],
  [35.4, '35 ms'],
  [999, '999 ms'],
  [1000, '1.0 s'],
  [1299, '1.2 s'],
  [59_999, '59.9 s'],
  [60_000, '1 min 00 s'],
  [125_500, '2 min 05 s'],
])('formats %d ms as %j', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
