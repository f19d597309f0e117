import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLintSource } from '../../src/lint/read-lint-source.js';
import { splitSqlText } from '../../src/sql-stream/split-sql-text.js';

describe('readLintSource', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'wesley-lint-source-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const read = async (text: string) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.sql`);
    await writeFile(file, text);
    return readLintSource(file);
  };

  it('has the statements and COPYs of psql split, meta-commands left out, and the file lines with COPY data emptied', async () => {
    const text = [
      '\\restrict abc',
      'CREATE TABLE t (a int, b text);',
      '-- wesley:allow-blocking data load',
      'COPY t (a, b) FROM stdin;',
      '1\tsecret one',
      '2\tsecret two',
      '\\.',
      '',
      'CREATE INDEX t_a ON t',
      '  (a);',
      '\\unrestrict abc',
      '',
    ].join('\r\n');
    const source = await read(text);
    const split = splitSqlText(text).filter((item) => item.kind !== 'meta');
    expect(source.statements).toEqual(split.map((item) => ({ sql: item.sql, line: item.line })));
    expect(source.statements.map((s) => s.line)).toEqual([2, 4, 9]);
    const lines = source.text.split('\n');
    expect(lines).toHaveLength(text.split('\n').length);
    expect(lines[2]).toBe('-- wesley:allow-blocking data load\r');
    expect(lines.slice(4, 6)).toEqual(['', '']);
    expect(source.text).not.toContain('secret');
    expect(lines[6]).toBe('\\.\r');
    expect(lines[8]).toBe('CREATE INDEX t_a ON t\r');
  });

  it('empties COPY data running to the end of a file without \\. or a final line break', async () => {
    const source = await read('COPY t FROM stdin;\n1\tx\n2\ty');
    expect(source.statements).toEqual([{ sql: 'COPY t FROM stdin;', line: 1 }]);
    expect(source.text).toBe('COPY t FROM stdin;\n\n');
  });

  it('reads a file of statements only as it is', async () => {
    const text = 'SELECT 1;\n\n/* a */ SELECT 2;\n';
    expect((await read(text)).text).toBe(text);
  });
});
