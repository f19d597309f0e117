import type { LintRule } from '../lint-rule.js';

/** A rewriting `ALTER COLUMN ... TYPE`: the table and its indexes are written again under ACCESS EXCLUSIVE. */
export const columnTypeRewrite: LintRule = {
  id: 'column-type-rewrite',
  code: 'WES307',
  help: 'add a column of the new type, fill it in batches (a trigger keeps new writes in step), then swap the names in one short transaction',
  hazard: 'blocking',
  check: (action) => {
    if (action.shape !== 'alter-column-type') return null;
    return {
      message: `ALTER COLUMN ${String(action.node.name)} TYPE rewrites ${action.table} and its indexes under ACCESS EXCLUSIVE: reads and writes wait (only a binary-coercible change, varchar(n) to text or a longer varchar, is catalog-only)`,
      fix: null,
    };
  },
};
