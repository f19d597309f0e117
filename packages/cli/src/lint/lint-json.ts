import type { LintFinding, LintReport } from '@wesley/core';

/** What `wesley lint --format json` prints: one document, its keys always these, in this order. */
export interface LintJson {
  readonly serverVersion: number;
  /** Whether table facts came from a database (`--database-url`). */
  readonly catalog: boolean;
  readonly files: readonly {
    readonly file: string;
    readonly statements: number;
    readonly findings: readonly LintFindingJson[];
  }[];
  readonly statements: number;
  readonly errors: number;
  readonly warnings: number;
}

/** A finding in the JSON document: the contract's fields, whatever else the engine adds. */
export type LintFindingJson = Pick<
  LintFinding,
  'code' | 'rule' | 'severity' | 'message' | 'help' | 'file' | 'line' | 'column' | 'locks' | 'blocks' | 'fix' | 'approval'
>;

/** The JSON document of a lint run. */
export function lintJson(
  reports: readonly Pick<LintReport, 'file' | 'statements' | 'findings'>[],
  serverVersion: number,
  catalog: boolean,
): LintJson {
  const findings = reports.flatMap((report) => report.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    serverVersion,
    catalog,
    files: reports.map((report) => ({ file: report.file, statements: report.statements, findings: report.findings.map(findingJson) })),
    statements: reports.reduce((sum, report) => sum + report.statements, 0),
    errors,
    warnings: findings.length - errors,
  };
}

function findingJson(finding: LintFinding): LintFindingJson {
  return {
    code: finding.code,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    help: finding.help,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    locks: finding.locks.map((lock) => ({ ...lock })),
    blocks: finding.blocks,
    fix: finding.fix,
    approval: finding.approval === null ? null : { reason: finding.approval.reason, line: finding.approval.line },
  };
}
