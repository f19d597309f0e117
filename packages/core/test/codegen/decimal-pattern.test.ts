import { describe, expect, it } from 'vitest';
import { decimalPattern } from '../../src/codegen/decimal-pattern.js';

/** The pattern as a RegExp (the literal is `/source/`, no flags). */
const regexOf = (modifiers: readonly number[]): RegExp => new RegExp(decimalPattern(modifiers).literal.slice(1, -1));

describe('decimalPattern', () => {
  it.each([
    [[], ['0', '-12.5', '.5', '5.', '123456789012345678901234567890.000001'], ['', '.', '-', '1e3', 'NaN', 'Infinity', '1,5', ' 1']],
    [
      [12, 2],
      ['9999999999.99', '-0.01', '0000000000001.5'],
      ['10000000000', '1.234', '1.2.3'],
    ],
    [[5], ['99999', '-1', '7.'], ['100000', '1.5']],
    [
      [2, 2],
      ['0.99', '-.5', '0'],
      ['1', '1.00', '0.123'],
    ],
    [
      [2, 4],
      ['0.0012', '-0.0099', '0.00', '0'],
      ['0.01', '0.001234', '1'],
    ],
    [
      [2, -3],
      ['12345', '99000'],
      ['123456', '1.5'],
    ],
  ] as const)('numeric(%j) accepts %j and rejects %j', (modifiers, good, bad) => {
    const regex = regexOf(modifiers);
    for (const value of good) expect(regex.test(value), value).toBe(true);
    for (const value of bad) expect(regex.test(value), value).toBe(false);
  });

  it('names each precision and scale distinctly', () => {
    expect([[], [12, 2], [12], [2, -3]].map((m) => decimalPattern(m).name)).toEqual([
      'DECIMAL',
      'DECIMAL_12_2',
      'DECIMAL_12_0',
      'DECIMAL_2_M3',
    ]);
  });
});
