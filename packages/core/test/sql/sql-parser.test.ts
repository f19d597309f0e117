import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, parseSql } from '@wesley/core';

beforeAll(() => loadSqlParser());

describe('parseSql', () => {
  it('gives each statement of the text as its parse-tree node', () => {
    const parsed = parseSql('SELECT 1 ; COMMIT;');
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.statements.map((s) => Object.keys(s)[0])).toEqual(['SelectStmt', 'TransactionStmt']);
  });

  it('takes empty text and comments as no statement', () => {
    for (const sql of ['', '  ', '-- only a comment', '/* a */ ;']) expect(parseSql(sql)).toEqual({ ok: true, statements: [] });
  });

  it("gives the server's syntax error with its 1-based position", () => {
    expect(parseSql('SELECT (;')).toEqual({ ok: false, message: 'syntax error at or near ";"', position: 9 });
  });
});
