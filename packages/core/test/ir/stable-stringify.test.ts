import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableJsonTexts, stableStringify } from '../../src/ir/stable-stringify.js';

/** The reference: a key-sorted copy through JSON.stringify. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Plain data: what JSON holds, with `undefined` members and `-0`. */
const plainData = {
  withNullPrototype: false,
  withObjectString: true,
  withBigInt: false,
  withMap: false,
  withSet: false,
  withDate: false,
  withTypedArray: false,
  withSparseArray: false,
  withBoxedValues: false,
};

describe('stableStringify', () => {
  // JavaScript objects list integer-like keys first whatever their insertion order, so the
  // reference copy cannot hold "" before "0": those keys are compared separately below.
  const integerLike = /^(0|[1-9][0-9]*)$/;
  const plainKeys = (value: unknown): boolean =>
    Array.isArray(value)
      ? value.every(plainKeys)
      : value === null ||
        typeof value !== 'object' ||
        Object.entries(value).every(([key, item]) => !integerLike.test(key) && plainKeys(item));

  it('writes what JSON.stringify writes for a key-sorted copy', () => {
    fc.assert(
      fc.property(fc.anything(plainData).filter(plainKeys), (value) => {
        expect(stableStringify(value)).toBe(JSON.stringify(sortKeys(value)) ?? 'null');
      }),
      { numRuns: 500 },
    );
  });

  it('writes what JSON.stringify writes, indented, for a key-sorted copy (integer-like keys first, as the copy lists them)', () => {
    fc.assert(
      fc.property(fc.anything(plainData), fc.integer({ min: 0, max: 12 }), (value, indent) => {
        expect(stableStringify(value, indent)).toBe(JSON.stringify(sortKeys(value), null, indent) ?? 'null');
      }),
      { numRuns: 500 },
    );
  });

  it('sorts integer-like keys as text too', () => {
    expect(stableStringify({ '10': 1, '': 2, '9': 3 })).toBe('{"":2,"10":1,"9":3}');
  });

  it('sorts keys at every depth and keeps array order', () => {
    expect(stableStringify({ b: [3, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[3,{"c":2,"d":1}]}');
  });
});

describe('stableJsonTexts', () => {
  it('gives both texts of stableStringify from one walk, integer-like keys included', () => {
    fc.assert(
      fc.property(fc.anything(plainData), fc.integer({ min: 0, max: 12 }), (value, indent) => {
        expect(stableJsonTexts(value, indent)).toEqual({ compact: stableStringify(value), indented: stableStringify(value, indent) });
      }),
      { numRuns: 500 },
    );
    expect(stableJsonTexts({ '10': 1, '9': { b: 1, a: 2 } }, 1)).toEqual({
      compact: '{"10":1,"9":{"a":2,"b":1}}',
      indented: '{\n "9": {\n  "a": 2,\n  "b": 1\n },\n "10": 1\n}',
    });
  });
});
