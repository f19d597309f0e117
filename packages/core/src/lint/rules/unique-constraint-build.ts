import { quoteIdent } from '../../naming/quote-ident.js';
import type { LintRule } from '../lint-rule.js';
import { innerNode, nameList } from '../node-fields.js';
import { relationSql } from '../relation-sql.js';
import { constraintName } from './constraint-name.js';

/** `ADD PRIMARY KEY` / `ADD UNIQUE` that builds its index: every row read and sorted under ACCESS EXCLUSIVE. */
export const uniqueConstraintBuild: LintRule = {
  id: 'unique-constraint-build',
  code: 'WES309',
  help: 'build the unique index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX (no scan); a partitioned table has no USING INDEX: the key ON ONLY the parent, then each partition',
  hazard: 'blocking',
  check: (action, context) => {
    if (action.shape !== 'add-key') return null;
    const constraint = innerNode(action.node.def);
    const primary = constraint.contype === 'CONSTR_PRIMARY';
    const kind = primary ? 'PRIMARY KEY' : 'UNIQUE';
    const columns = nameList(constraint.keys);
    const message = `ADD ${kind} on ${action.table} builds its unique index under ACCESS EXCLUSIVE: reads and writes wait for the whole build`;
    if (context.partitioned || columns.length === 0 || constraint.including !== undefined) return { message, fix: null };
    const name = quoteIdent(
      primary ? constraintName(constraint, action.table, [], 'pkey') : constraintName(constraint, action.table, columns, 'key'),
    );
    const table = relationSql(action.table);
    return {
      message,
      fix: `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${table} (${columns.map(quoteIdent).join(', ')});\nALTER TABLE ${table} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name};`,
    };
  },
};
