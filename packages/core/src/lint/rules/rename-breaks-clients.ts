import type { LintRule } from '../lint-rule.js';

/** `RENAME` of a table or column: brief, but every running client that uses the old name fails from then on. */
export const renameBreaksClients: LintRule = {
  id: 'rename-breaks-clients',
  code: 'WES312',
  help: 'deploy code that reads both names first (a view or a generated column under the old name), rename, then drop the old name in a later migration',
  hazard: 'breaks-clients',
  check: (action) => {
    if (action.shape === 'rename-table') return { message: `renaming ${action.table} breaks every running query that names it`, fix: null };
    if (action.shape !== 'rename-column') return null;
    return {
      message: `renaming column ${String(action.node.subname)} of ${action.table} breaks every running query that names it`,
      fix: null,
    };
  },
};
