import type { LintFinding } from '@wesley/core/run';

/**
 * WES340: pending SQL migrations with statements the linter reports as errors (core's `lintSql`:
 * a lock that blocks reads or writes on a table that may hold rows, without a
 * `-- wesley:allow-blocking <reason>` approval; a statement PostgreSQL would refuse, such as
 * `CONCURRENTLY` in a transaction block), run without `allowBlocking`. Refused before the run's first statement: nothing is
 * applied, not even the migrations before the file. Each finding is named by file:line:column,
 * code and rule, with its rewrite.
 */
export class SqlHazardError extends Error {
  readonly code = 'WES340';
  readonly findings: readonly LintFinding[];
  readonly help =
    "approve each statement with '-- wesley:allow-blocking <reason>' on the line above it (kept in review), rewrite it as its fix says, or run with --allow-blocking once the wait is acceptable; 'wesley lint <file>' shows each in full";

  constructor(findings: readonly LintFinding[]) {
    const files = [...new Set(findings.map((finding) => finding.file))];
    const lines = findings.map(
      (finding) =>
        `\n  ${finding.file}:${finding.line}:${finding.column}  ${finding.code}  ${finding.rule}: ${finding.message}` +
        (finding.fix === null ? '' : `\n    instead: ${finding.fix.split('\n').join(' ')}`),
    );
    super(
      `${files.length === 1 ? `SQL migration ${files[0] ?? ''}` : `SQL migrations ${files.join(', ')}`} would block reads or writes, without an approval:${lines.join('')}`,
    );
    this.name = 'SqlHazardError';
    this.findings = findings;
  }
}
