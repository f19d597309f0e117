import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintRules } from '@wesley/core';

/** docs/rules.md against the registered rules: a section per rule, with its code. */
const doc = readFileSync(new URL('../../../../docs/rules.md', import.meta.url), 'utf8');

describe('docs/rules.md', () => {
  it('has a section per rule naming its code, and no section for a rule that is not registered', () => {
    const headings = [...doc.matchAll(/^## ([a-z-]+)$/gm)].map((match) => match[1]);
    const sections = headings.filter((heading) => lintRules.some((rule) => rule.id === heading));
    expect(sections).toEqual(lintRules.map((rule) => rule.id));
    for (const rule of lintRules) {
      const section = doc.split(`\n## ${rule.id}\n`)[1]?.split('\n## ')[0] ?? '';
      expect(section, rule.id).toContain(`**Code:** ${rule.code}`);
    }
  });
});
