import { lintSql, loadSqlParser } from '@wesley/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintSqlFile } from '../../src/lint/lint-sql-file.js';
import { readLintSource } from '../../src/lint/read-lint-source.js';
import { realsqlFiles, realsqlFound, realsqlPath, realsqlReference } from '../fixtures/realsql-corpus.js';

/**
 * The linter on the six real pg_dump files of the realsql corpus: every statement of psql's split
 * is parsed, none skipped. A dump restores into tables it creates itself, empty, so nothing in it
 * blocks anyone: no finding. The same statements on tables that exist and hold rows (the file's
 * CREATE TABLEs left out) are the hazards a live database would meet: each index built without
 * CONCURRENTLY, each primary key or unique constraint building its index, each foreign key
 * validated while it is added, and nothing else.
 */

/** Findings by rule of each file's statements once its tables exist (recorded; see the issue note). */
const onExistingTables: Readonly<Record<(typeof realsqlFiles)[number], Readonly<Record<string, number>>>> = {
  '01-danbooru.sql': { 'foreign-key-not-valid': 93, 'require-concurrent-index': 391, 'unique-constraint-build': 65 },
  '04-gitlab-container-registry.sql': { 'foreign-key-not-valid': 22, 'require-concurrent-index': 1033, 'unique-constraint-build': 1121 },
  '05-gisia.sql': { 'foreign-key-not-valid': 6, 'require-concurrent-index': 299, 'unique-constraint-build': 87 },
  '08-sanbase2.sql': { 'foreign-key-not-valid': 196, 'require-concurrent-index': 271, 'unique-constraint-build': 178 },
  '09-pagila-schema.sql': { 'foreign-key-not-valid': 37, 'require-concurrent-index': 36, 'unique-constraint-build': 15 },
  '10-pagila-full-2024.sql': { 'foreign-key-not-valid': 36, 'require-concurrent-index': 33, 'unique-constraint-build': 14 },
};

const byRule = (findings: readonly { rule: string }[]) => {
  const counts: Record<string, number> = {};
  for (const { rule } of findings) counts[rule] = (counts[rule] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
};

describe.skipIf(!realsqlFound)('lint: the realsql corpus', () => {
  beforeAll(async () => {
    await loadSqlParser();
  });

  it.each(realsqlFiles)(
    '%s: every statement of psql split parsed, no finding in a restore',
    async (name) => {
      for (const serverVersion of [150000, 180000]) {
        const report = await lintSqlFile(realsqlPath(name), { file: name, serverVersion });
        expect(report.statements).toBe(realsqlReference(name).statements.length);
        expect(report.findings).toEqual([]);
      }
    },
    60_000,
  );

  it.each(realsqlFiles)(
    '%s: on tables that exist, each blocking index, key and foreign key, and nothing else',
    async (name) => {
      const source = await readLintSource(realsqlPath(name));
      const statements = source.statements.filter((statement) => !/^CREATE (UNLOGGED )?TABLE /i.test(statement.sql));
      const report = lintSql({ file: name, text: source.text, statements, serverVersion: 180000 });
      expect(report.findings.filter((finding) => finding.code === 'WES300')).toEqual([]);
      expect(byRule(report.findings)).toEqual(onExistingTables[name]);
      // Every foreign key the dump adds is one: pg_dump adds each validated, in an ALTER TABLE of its own.
      expect(report.findings.filter((finding) => finding.rule === 'foreign-key-not-valid')).toHaveLength(
        statements.filter((statement) => /\bFOREIGN KEY\b/.test(statement.sql)).length,
      );
      expect(report.findings.every((finding) => finding.severity === 'error' && finding.fix !== null)).toBe(true);
    },
    60_000,
  );
});
