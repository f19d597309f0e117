import { beforeAll, describe, expect, it } from 'vitest';
import { lintSql, loadSqlParser } from '@wesley/core';
import { findingLines, lintText } from './support/lint-text.js';

beforeAll(() => loadSqlParser());

describe('lintSql on careless and hostile input', () => {
  it('reads no statements, only comments, or an empty statement without a finding', () => {
    expect(lintSql({ file: 'e.sql', text: '', statements: [], serverVersion: 180000 })).toEqual({
      file: 'e.sql',
      statements: 0,
      findings: [],
      classified: [],
      creates: [],
    });
    expect(lintText('-- nothing\n/* still nothing */ ;').findings).toEqual([]);
  });

  it('points at the right column after multibyte characters (the parser counts bytes)', () => {
    const report = lintText(`ALTER TABLE "café_ünïcode" ADD CONSTRAINT "größe" CHECK (x > 0);`);
    expect(findingLines(report)).toEqual(['1:32 WES305 check-not-valid error']);
    expect(report.findings[0]?.fix).toBe(
      'ALTER TABLE "café_ünïcode" ADD CONSTRAINT "größe" CHECK (x > 0) NOT VALID;\nALTER TABLE "café_ünïcode" VALIDATE CONSTRAINT "größe";',
    );
  });

  it('is not fooled by hazards inside strings, comments, function bodies or DO blocks', () => {
    const sql = [
      "SELECT 'CREATE INDEX i ON orders (a)';",
      '/* DROP INDEX orders_total; */ SELECT 1;',
      'CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ CREATE INDEX i ON orders (a) $$;',
      "DO $$ BEGIN EXECUTE 'VACUUM FULL orders'; END $$;",
    ].join('\n');
    expect(lintText(sql).findings).toEqual([]);
  });

  it('reports every hazard of one ALTER TABLE, and only the first of a statement PostgreSQL would refuse as a whole', () => {
    const report = lintText(
      'ALTER TABLE orders ADD CHECK (a > 0), ADD FOREIGN KEY (c) REFERENCES customers, ALTER COLUMN b TYPE text, ALTER COLUMN d SET NOT NULL;',
    );
    expect(report.findings.map((f) => f.rule)).toEqual([
      'set-not-null-scan',
      'check-not-valid',
      'foreign-key-not-valid',
      'column-type-rewrite',
    ]);
    // Several subcommands: the fix of one alone would be wrong, so none is given for the ALTER TABLE's constraints.
    expect(report.findings.filter((f) => f.rule !== 'set-not-null-scan').map((f) => f.fix)).toEqual([null, null, null]);
    expect(new Set(report.findings.map((f) => f.blocks))).toEqual(new Set(['reads and writes']));
  });

  it('does not take an approval from a comment that is not directly above, nor from inside a statement', () => {
    const sql =
      '-- wesley:allow-blocking tiny table\nSELECT 1;\nCREATE INDEX i ON orders (a);\nCREATE INDEX j ON orders (a) -- wesley:allow-blocking inline\n;';
    expect(findingLines(lintText(sql)).map((line) => line.split(' ').at(-1))).toEqual(['error', 'error']);
  });
});
