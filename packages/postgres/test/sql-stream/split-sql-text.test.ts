import { describe, expect, it } from 'vitest';
import { splitSql, splitSqlText } from '../../src/sql-stream/index.js';
import { byteChunks, collectItems } from './collect-items.js';
import { splitCases } from './split-cases.js';

describe('splitSqlText: each construct and edge (texts checked against psql in psql-agreement.test.ts)', () => {
  for (const { name, input, items } of splitCases) {
    it(name, () => {
      expect(splitSqlText(input)).toEqual(items);
    });
  }
});

describe('splitSql gives the same items however the bytes are cut', () => {
  for (const { name, input, items } of splitCases) {
    it(name, async () => {
      // One byte at a time cuts every token, CRLF pair and multi-byte character.
      expect(await collectItems(splitSql(byteChunks(input, [1])))).toEqual(items);
      expect(await collectItems(splitSql(byteChunks(input, [2, 3, 5])))).toEqual(items);
      // Text chunks too.
      expect(await collectItems(splitSql([...input]))).toEqual(items);
    });
  }
});
