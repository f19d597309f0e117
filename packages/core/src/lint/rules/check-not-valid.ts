import { quoteIdent } from '../../naming/quote-ident.js';
import type { LintRule } from '../lint-rule.js';
import { innerNode } from '../node-fields.js';
import { relationSql } from '../relation-sql.js';
import { constraintName, namedConstraintSql } from './constraint-name.js';

/** `ADD CHECK` without `NOT VALID`: every row is checked under ACCESS EXCLUSIVE. */
export const checkNotValid: LintRule = {
  id: 'check-not-valid',
  code: 'WES305',
  help: 'add it NOT VALID (new writes are checked at once), then VALIDATE CONSTRAINT in a later statement: it reads the rows under SHARE UPDATE EXCLUSIVE',
  hazard: 'blocking',
  check: (action, context) => {
    if (action.shape !== 'add-check') return null;
    const message = `ADD CHECK on ${action.table} reads every row under ACCESS EXCLUSIVE: reads and writes wait`;
    if (action.subcommands !== 1) return { message, fix: null };
    const constraint = innerNode(action.node.def);
    const name = constraintName(constraint, action.table, [], 'check');
    return {
      message,
      fix: `${namedConstraintSql(context.sql, constraint, name, ' NOT VALID;')}\nALTER TABLE ${relationSql(action.table)} VALIDATE CONSTRAINT ${quoteIdent(name)};`,
    };
  },
};
