import { describe, expect, it } from 'vitest';
import { formatServerVersion } from '../../src/plan/format-server-version.js';
import { parseServerVersion } from '../../src/plan/parse-server-version.js';

describe('parseServerVersion', () => {
  it.each([
    ['15', 150000],
    ['18', 180000],
    ['15.4', 150004],
    ['150004', 150004],
    ['90624', 90624],
  ])('reads %s as %i', (text, expected) => {
    expect(parseServerVersion(text)).toBe(expected);
  });

  it.each(['', 'pg15', '15.', '15.4.1', '-15', '1500040', '1e5', ' 15'])('refuses %j', (text) => {
    expect(parseServerVersion(text)).toBeNull();
  });
});

describe('formatServerVersion', () => {
  it('writes versions as PostgreSQL names them', () => {
    expect(formatServerVersion(180000)).toBe('18');
    expect(formatServerVersion(150004)).toBe('15.4');
    expect(formatServerVersion(90624)).toBe('9.6.24');
  });
});
