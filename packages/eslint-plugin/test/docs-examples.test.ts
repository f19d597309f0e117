/**
 * docs/eslint.md's example of each rule, linted as it stands there: the schema block of the
 * rule's section must give exactly the text block's findings (ESLint's stylish lines), and the
 * section list must name every rule of the plugin.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '@wesley/eslint-plugin';
import { lint, project } from './lint-schema.js';

const doc = readFileSync(new URL('../../../docs/eslint.md', import.meta.url), 'utf8');

/** The text of the section `### <title>`, up to the next heading. */
function section(title: string): string {
  const start = doc.indexOf(`\n### ${title}\n`);
  if (start < 0) throw new Error(`docs/eslint.md has no section "### ${title}"`);
  const end = doc.slice(start + 1).search(/\n##+ /);
  return end < 0 ? doc.slice(start) : doc.slice(start, start + 1 + end);
}

function block(text: string, lang: string): string {
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(text);
  if (match === null) throw new Error(`no \`\`\`${lang} block`);
  return match[1]!;
}

describe('docs/eslint.md', () => {
  it.each(Object.keys(rules))(
    'shows what %s reports for its example',
    async (rule) => {
      expect(rules[rule as keyof typeof rules].meta?.docs?.url).toBe(
        `https://github.com/flyingrobots/wesley/blob/main/docs/eslint.md#${rule}`,
      );
      const text = section(rule);
      const dir = await project({ 'schema.graphql': block(text, 'graphql') });
      const found = await lint(dir, ['schema.graphql']);
      const expected = block(text, 'text')
        .trimEnd()
        .split('\n')
        .map((line) => {
          const [loc, , message, ruleId] = line.trim().split(/ {2,}/);
          return `${ruleId} ${loc} ${message}`;
        });
      expect(found['schema.graphql']).toEqual(expected);
    },
    60_000,
  );
});
