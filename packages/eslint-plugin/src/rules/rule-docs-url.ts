/** Where a rule is documented: its section of docs/eslint.md (ESLint shows it as `meta.docs.url`). */
export function ruleDocsUrl(rule: string): string {
  return `https://github.com/flyingrobots/wesley/blob/main/docs/eslint.md#${rule}`;
}
