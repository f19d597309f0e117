import type { LintReport, LintRule } from '@wesley/core';

/** Where the rules are documented: docs/rules.md, a section per rule, its anchor the rule id. */
const rulesDocument = 'https://github.com/flyingrobots/wesley/blob/main/docs/rules.md';

/** The SARIF 2.1.0 log of a lint run (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string;
      readonly informationUri: string;
      readonly rules: readonly SarifRule[];
    };
  };
  readonly results: readonly SarifResult[];
}

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly helpUri: string;
  readonly properties: { readonly code: string };
}

interface SarifResult {
  readonly ruleId: string;
  /** Absent for a finding of no registered rule (a statement that does not parse, an approval without a reason). */
  readonly ruleIndex?: number;
  readonly level: 'error' | 'warning';
  readonly message: { readonly text: string };
  readonly locations: readonly {
    readonly physicalLocation: {
      readonly artifactLocation: { readonly uri: string };
      readonly region: { readonly startLine: number; readonly startColumn: number };
    };
  }[];
  /** An approved hazard: code-scanning UIs show it as dismissed in the source, with its reason. */
  readonly suppressions?: readonly { readonly kind: 'inSource'; readonly justification: string }[];
  readonly properties: { readonly code: string; readonly blocks: string | null; readonly fix: string | null };
}

/**
 * The SARIF log of a lint run, as GitHub code scanning and other SARIF viewers read it: every rule
 * in `tool.driver.rules` (id, help, its section of docs/rules.md), each finding a result at its
 * file (a relative URI with `/`), line and column. An approved finding carries an in-source
 * suppression with the approval's reason. The rewrite and what the statement blocks are in the
 * message and in `properties`: SARIF's `fixes` replace byte ranges, and a statement's span is not
 * a finding's.
 */
export function lintSarif(reports: readonly Pick<LintReport, 'findings'>[], rules: readonly LintRule[]): SarifLog {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = reports.flatMap((report) =>
    report.findings.map((finding): SarifResult => {
      const text = [finding.message, finding.help, ...(finding.fix === null ? [] : [`fix: ${finding.fix}`])].filter((part) => part !== '');
      const ruleIndex = index.get(finding.rule);
      return {
        ruleId: finding.rule,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: finding.severity,
        message: { text: text.join('\n') },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: finding.file.split('\\').join('/') },
              region: { startLine: finding.line, startColumn: finding.column },
            },
          },
        ],
        ...(finding.approval === null ? {} : { suppressions: [{ kind: 'inSource' as const, justification: finding.approval.reason }] }),
        properties: { code: finding.code, blocks: finding.blocks, fix: finding.fix },
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wesley',
            informationUri: 'https://github.com/flyingrobots/wesley',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.help },
              helpUri: `${rulesDocument}#${rule.id}`,
              properties: { code: rule.code },
            })),
          },
        },
        results,
      },
    ],
  };
}
