import { quoteIdent } from '../../naming/quote-ident.js';
import { supports } from '../../plan/server-features.js';
import type { LintRule } from '../lint-rule.js';
import { innerNode, nameList } from '../node-fields.js';
import { relationSql } from '../relation-sql.js';
import { constraintName, namedConstraintSql } from './constraint-name.js';

/** `ADD FOREIGN KEY` without `NOT VALID`: both tables' writes wait while every row is checked. */
export const foreignKeyNotValid: LintRule = {
  id: 'foreign-key-not-valid',
  code: 'WES304',
  help: 'add it NOT VALID (new writes are checked at once), then VALIDATE CONSTRAINT in a later statement: it reads the rows without blocking writes',
  hazard: 'blocking',
  check: (action, context) => {
    if (action.shape !== 'add-foreign-key') return null;
    const message = `ADD FOREIGN KEY on ${action.table} checks every row under SHARE ROW EXCLUSIVE on it and on ${action.referenced ?? 'the referenced table'}: their writes wait`;
    // Before 18 PostgreSQL refuses NOT VALID on a partitioned table: the key goes on each partition first.
    if (context.partitioned && !supports(context.serverVersion, 'partitionedNotValidForeignKey')) return { message, fix: null };
    const constraint = innerNode(action.node.def);
    const name = constraintName(constraint, action.table, nameList(constraint.fk_attrs), 'fkey');
    if (action.subcommands !== 1) return { message, fix: null };
    return {
      message,
      fix: `${namedConstraintSql(context.sql, constraint, name, ' NOT VALID;')}\nALTER TABLE ${relationSql(action.table)} VALIDATE CONSTRAINT ${quoteIdent(name)};`,
    };
  },
};
