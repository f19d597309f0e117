/**
 * `@wesley/eslint-plugin`: Wesley's compiler diagnostics and schema-design rules for `.graphql`
 * files in ESLint's flat config, parsed by `@graphql-eslint/eslint-plugin`'s parser so that
 * graphql-eslint's own rules run beside them (docs/eslint.md).
 */
import type { ESLint, Linter } from 'eslint';
import { parser } from '@graphql-eslint/eslint-plugin';
import { rules } from './rules/index.js';

export { rules } from './rules/index.js';
export { schemaDeclarations } from '@wesley/core';
export type { WesleySettings } from './compile/wesley-settings.js';

/**
 * graphql-eslint's rules that check what Wesley's compiler checks with Wesley's vocabulary:
 * without its directive and scalar declarations they report every `@wes_*` directive and
 * `UUID`-like scalar, and a real mistake twice (once as the compiler's WES code). A table is
 * reached by the database, not from `Query`, so `no-unreachable-types` would report each one,
 * and `possible-type-extension` a schema without `Query`; a table's key is `@wes_pk` of any
 * type, several columns allowed (WES011 when there is none), not `strict-id-in-types`' one `ID`.
 */
const duplicateRules = [
  'known-directives',
  'known-argument-names',
  'known-type-names',
  'provided-required-arguments',
  'unique-directive-names-per-location',
  'unique-field-definition-names',
  'unique-type-names',
  'no-unreachable-types',
  'possible-type-extension',
  'strict-id-in-types',
] as const;

const plugin = {
  meta: { name: '@wesley/eslint-plugin', version: '0.1.0' },
  rules,
  configs: {} as { recommended: Linter.Config },
} satisfies ESLint.Plugin;

/**
 * One flat config object for `**\/*.graphql`: graphql-eslint's parser, every Wesley rule as an
 * error, and graphql-eslint's rules that the compiler already checks turned off. Put it after
 * graphql-eslint's own config so that it wins for those.
 */
plugin.configs.recommended = {
  name: '@wesley/recommended',
  files: ['**/*.graphql'],
  languageOptions: { parser },
  plugins: { '@wesley': plugin },
  rules: {
    ...Object.fromEntries(Object.keys(rules).map((id) => [`@wesley/${id}`, 'error'])),
    ...Object.fromEntries(duplicateRules.map((id) => [`@graphql-eslint/${id}`, 'off'])),
  },
};

export const { meta, configs } = plugin;
export default plugin;
