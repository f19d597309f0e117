import { readFileSync } from 'node:fs';
import { lintRules } from '@wesley/core';
import { describe, expect, it } from 'vitest';
import { lintSarif } from '../../src/lint/lint-sarif.js';

/** docs/rules.md's section anchors, as GitHub makes them from `## <heading>`. */
const anchors = new Set(
  readFileSync(new URL('../../../../docs/rules.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) =>
      line
        .slice(3)
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, '')
        .replace(/ /g, '-'),
    ),
);

describe('lintSarif', () => {
  it("points every rule's helpUri at its own section of docs/rules.md", () => {
    const rules = lintSarif([], lintRules).runs[0]?.tool.driver.rules ?? [];
    expect(rules).toHaveLength(lintRules.length);
    for (const rule of rules) expect(anchors, rule.helpUri).toContain(new URL(rule.helpUri).hash.slice(1));
  });

  it('leaves out ruleIndex for a finding of no registered rule (a statement that does not parse)', () => {
    const finding = {
      code: 'WES300',
      severity: 'error',
      rule: 'parse-error',
      message: 'statement does not parse: syntax error at or near "SELEC"',
      help: 'fix the syntax',
      file: 'dir\\a.sql',
      line: 3,
      column: 1,
      locks: [],
      blocks: null,
      fix: null,
      approval: null,
    } as const;
    const [result] = lintSarif([{ findings: [finding] }], lintRules).runs[0]?.results ?? [];
    expect(result).not.toHaveProperty('ruleIndex');
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('dir/a.sql');
  });
});
