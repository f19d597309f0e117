/**
 * `@wesley/eslint-plugin`: Wesley's compiler diagnostics and schema-design rules for `.graphql`
 * files in ESLint's flat config. The rules and the `recommended` config are added in this package's
 * first release (issue 19).
 */
export const meta = { name: '@wesley/eslint-plugin', version: '0.1.0' } as const;
