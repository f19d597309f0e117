import { lintSql, type LintCatalog, type LintReport } from '@wesley/core';

/**
 * Lints `text` as one file, split as psql would for the simple statements these tests write:
 * each statement ends with `;` at the end of a line; `--` comment lines and blank lines before
 * it are left out of its text.
 */
export function lintText(text: string, options: { serverVersion?: number; catalog?: LintCatalog } = {}): LintReport {
  const statements: { sql: string; line: number }[] = [];
  let current: string[] = [];
  let start = 0;
  text.split('\n').forEach((line, index) => {
    if (current.length === 0 && (line.trim() === '' || line.trim().startsWith('--'))) return;
    if (current.length === 0) start = index + 1;
    current.push(line.trim() === '' ? '' : line);
    if (line.trimEnd().endsWith(';')) {
      statements.push({
        sql: current
          .filter((part) => part !== '')
          .join('\n')
          .trimStart(),
        line: start,
      });
      current = [];
    }
  });
  if (current.length > 0) statements.push({ sql: current.join('\n').trimStart(), line: start });
  return lintSql({
    file: 'm.sql',
    text,
    statements,
    serverVersion: options.serverVersion ?? 180000,
    ...(options.catalog ? { catalog: options.catalog } : {}),
  });
}

/** The findings of `text` as `line:column code rule severity`. */
export function findingLines(report: LintReport): string[] {
  return report.findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.rule} ${f.severity}`);
}
