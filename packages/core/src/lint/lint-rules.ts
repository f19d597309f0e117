import type { LintRule } from './lint-rule.js';
import { checkNotValid } from './rules/check-not-valid.js';
import { columnTypeRewrite } from './rules/column-type-rewrite.js';
import { concurrentInTransaction } from './rules/concurrent-in-transaction.js';
import { foreignKeyNotValid } from './rules/foreign-key-not-valid.js';
import { partitionedIndex } from './rules/partitioned-index.js';
import { renameBreaksClients } from './rules/rename-breaks-clients.js';
import { requireConcurrentIndex } from './rules/require-concurrent-index.js';
import { requireConcurrentIndexDrop } from './rules/require-concurrent-index-drop.js';
import { setNotNullScan } from './rules/set-not-null-scan.js';
import { tableRewrite } from './rules/table-rewrite.js';
import { uniqueConstraintBuild } from './rules/unique-constraint-build.js';
import { volatileDefaultRewrite } from './rules/volatile-default-rewrite.js';

/** The registered rules, in code order: `lintSql` runs each on every action; docs/rules.md has a section per rule. */
export const lintRules: readonly LintRule[] = [
  requireConcurrentIndex,
  requireConcurrentIndexDrop,
  foreignKeyNotValid,
  checkNotValid,
  setNotNullScan,
  columnTypeRewrite,
  volatileDefaultRewrite,
  uniqueConstraintBuild,
  concurrentInTransaction,
  tableRewrite,
  renameBreaksClients,
  partitionedIndex,
];
