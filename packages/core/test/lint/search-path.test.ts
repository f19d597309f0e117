import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, type LintCatalog } from '@wesley/core';
import { lintText } from './support/lint-text.js';

beforeAll(() => loadSqlParser());

/** `t` in two schemas: empty in `a`, holding rows in `public`; `u` in `public` only. */
const catalog = (searchPath?: readonly string[]): LintCatalog => ({
  tables: new Map([
    ['a.t', { rows: 0, bytes: 0, partitioned: false }],
    ['public.t', { rows: 5000, bytes: 409600, partitioned: false }],
    ['public.u', { rows: 5000, bytes: 409600, partitioned: false }],
  ]),
  indexes: new Map([
    ['a.t_id', 'a.t'],
    ['public.t_id', 'public.t'],
  ]),
  ...(searchPath === undefined ? {} : { searchPath }),
});

/** The tables the findings of `sql` are on, by line. */
function reported(sql: string, on?: LintCatalog): string[] {
  return lintText(sql, on === undefined ? {} : { catalog: on }).findings.map(
    (finding) => `${finding.line} ${finding.rule} ${finding.locks[0]?.relation ?? ''}`,
  );
}

describe('search_path', () => {
  it('without a database: public, unless the file sets a path', () => {
    expect(reported('CREATE INDEX i ON t (id);')).toEqual(['1 require-concurrent-index public.t']);
    expect(reported('SET search_path = app, public;\nCREATE INDEX i ON t (id);')).toEqual(['2 require-concurrent-index app.t']);
    expect(reported(`SELECT pg_catalog.set_config('search_path', 'app', false);\nCREATE INDEX i ON t (id);`)).toEqual([
      '2 require-concurrent-index app.t',
    ]);
  });

  it('with a database: the first schema of the path holding the name, from the server or the file', () => {
    // Unqualified on the server's path `a, public`: a.t, which is empty.
    expect(reported('CREATE INDEX i ON t (id);', catalog(['a', 'public']))).toEqual([]);
    // On `public` alone: public.t, which holds rows.
    expect(reported('CREATE INDEX i ON t (id);', catalog(['public']))).toEqual(['1 require-concurrent-index public.t']);
    // The file's path wins over the server's, for the statements after it; a name the first schema lacks is found further on.
    expect(reported('SET search_path TO a, public;\nCREATE INDEX i ON t (id);\nCREATE INDEX j ON u (id);', catalog(['public']))).toEqual([
      '3 require-concurrent-index public.u',
    ]);
    // A dropped index is found by the path too: its table is a.t.
    expect(reported('SET search_path = a;\nDROP INDEX t_id;', catalog(['public']))).toEqual([]);
    expect(reported('DROP INDEX t_id;', catalog(['public']))).toEqual(['1 require-concurrent-index-drop public.t']);
  });

  it('RESET and DEFAULT go back to the server path; SET LOCAL lasts until the transaction block ends', () => {
    const sql = [
      'SET search_path = public;',
      'RESET search_path;',
      'CREATE INDEX i ON t (id);',
      'BEGIN;',
      'SET LOCAL search_path = public;',
      'CREATE INDEX j ON t (id);',
      'COMMIT;',
      'CREATE INDEX k ON t (id);',
      `SELECT set_config('search_path', 'public', true);`,
      'CREATE INDEX l ON t (id);',
    ].join('\n');
    // Line 3: a.t (server path); line 6: public.t (SET LOCAL); line 8: a.t again; line 9's set_config(..., true) outside a block changes nothing.
    expect(reported(sql, catalog(['a', 'public']))).toEqual(['6 require-concurrent-index public.t']);
  });

  it("pg_dump's set_config('search_path', '', false): qualified names only, judged by their schema", () => {
    const sql = `SELECT pg_catalog.set_config('search_path', '', false);\nCREATE INDEX i ON a.t (id);\nCREATE INDEX j ON public.t (id);`;
    expect(reported(sql, catalog(['a', 'public']))).toEqual(['3 require-concurrent-index public.t']);
  });

  it('a table the file creates is created in the first schema of the path, and empty there', () => {
    const sql = 'SET search_path = a, public;\nCREATE TABLE u (id int);\nCREATE INDEX i ON u (id);\nCREATE INDEX j ON public.u (id);';
    expect(reported(sql, catalog(['public']))).toEqual(['4 require-concurrent-index public.u']);
  });
});
