import type { LintRule } from './lint-rule.js';
import { checkNotValid } from './rules/check-not-valid.js';
import { concurrentInTransaction } from './rules/concurrent-in-transaction.js';
import { foreignKeyNotValid } from './rules/foreign-key-not-valid.js';
import { requireConcurrentIndex } from './rules/require-concurrent-index.js';
import { requireConcurrentIndexDrop } from './rules/require-concurrent-index-drop.js';

/** The registered rules, in code order: `lintSql` runs each on every action; docs/rules.md has a section per rule. */
export const lintRules: readonly LintRule[] = [
  requireConcurrentIndex,
  requireConcurrentIndexDrop,
  foreignKeyNotValid,
  checkNotValid,
  concurrentInTransaction,
];
