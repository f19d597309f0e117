import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidUtf8Error } from '../../src/sql-stream/invalid-utf8-error.js';
import { Utf8Decoder } from '../../src/sql-stream/utf8-decoder.js';

/** Decodes `bytes` cut at `cuts`, returning the text or the error. */
function decodeInChunks(bytes: Uint8Array, cuts: readonly number[]): string | InvalidUtf8Error {
  const decoder = new Utf8Decoder('f.sql');
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  let text = '';
  let start = 0;
  try {
    for (const point of [...points, bytes.length]) {
      text += decoder.decode(bytes.subarray(start, point));
      start = point;
    }
    return text + decoder.decode(undefined);
  } catch (error) {
    if (error instanceof InvalidUtf8Error) return error;
    throw error;
  }
}

/**
 * Where the first invalid byte is, by another route: the lenient decoder replaces it with U+FFFD,
 * and what comes before decodes and encodes back to the same bytes.
 */
function oracle(bytes: Uint8Array): { byteOffset: number; line: number } | null {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const at = lenient.indexOf('\ufffd');
  if (at === -1) return null;
  const before = lenient.slice(0, at);
  return { byteOffset: Buffer.byteLength(before), line: before.split('\n').length };
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('Utf8Decoder', () => {
  it.each([
    ['a lone 0xff', [...encode('SELECT 1;\nSELECT '), 0xff], 2, 17],
    ['a continuation byte with no lead', [...encode('ab\n\ncd'), 0x80], 3, 6],
    ['an overlong slash', [...encode('x'), 0xc0, 0xaf], 1, 1],
    ['a surrogate', [...encode('é\n'), 0xed, 0xa0, 0x80], 2, 3],
    ['a character cut off by the end', [...encode('SELECT 1;\n'), 0xe2, 0x82], 2, 10],
    ['a lead byte followed by ASCII', [...encode('€\n'), 0xe2, 0x41, 0x41], 2, 4],
  ])('reports %s with its line and byte offset, however the input is cut', (_name, bytes, line, byteOffset) => {
    const input = Uint8Array.from(bytes);
    for (let cut = 0; cut <= input.length; cut++) {
      const result = decodeInChunks(input, [cut]);
      expect(result).toBeInstanceOf(InvalidUtf8Error);
      expect(result).toMatchObject({ source: 'f.sql', line, byteOffset, code: 'WES162' });
      expect((result as Error).message).toBe(`f.sql:${line}: not valid UTF-8 (byte offset ${byteOffset})`);
    }
  });

  it('agrees with the lenient decoder on where random corruption is, in random chunks', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.nat(),
        fc.integer({ min: 0x80, max: 0xff }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, where, byte, cuts) => {
          const bytes = encode(text.replaceAll('\ufffd', '?'));
          const corrupt = new Uint8Array(bytes.length + 1);
          const at = where % (bytes.length + 1);
          corrupt.set(bytes.subarray(0, at));
          corrupt[at] = byte;
          corrupt.set(bytes.subarray(at), at + 1);
          const expected = oracle(corrupt);
          const result = decodeInChunks(corrupt, cuts);
          if (expected === null) expect(result).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(corrupt));
          else expect(result).toMatchObject(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
