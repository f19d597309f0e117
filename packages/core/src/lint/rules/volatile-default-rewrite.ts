import { quoteIdent } from '../../naming/quote-ident.js';
import { supports } from '../../plan/server-features.js';
import type { LintRule } from '../lint-rule.js';
import { innerNode, nodeList, withoutSemicolon } from '../node-fields.js';
import { relationSql } from '../relation-sql.js';

/**
 * `ADD COLUMN` that writes a value into every row: a volatile default (`gen_random_uuid()`,
 * `clock_timestamp()`, a serial's nextval), a stored generated or identity column, or any
 * default before PostgreSQL 11. A non-volatile default (`now()`, a literal) is stored in the
 * catalog from 11 (the planner's volatility judgement, `isVolatileFunction`).
 */
export const volatileDefaultRewrite: LintRule = {
  id: 'volatile-default-rewrite',
  code: 'WES308',
  help: 'add the column without the value, SET DEFAULT for new rows, then fill the existing rows in batches',
  hazard: 'blocking',
  check: (action, context) => {
    if (action.shape !== 'add-column-rewrite') return null;
    const column = innerNode(action.node.def);
    const name = String(column.colname);
    const before11 = !supports(context.serverVersion, 'instantDefault');
    const message = `ADD COLUMN ${name} writes a value into every row of ${action.table} under ACCESS EXCLUSIVE${before11 ? ' (any default before PostgreSQL 11)' : ''}: reads and writes wait`;
    return { message, fix: action.subcommands === 1 ? splitDefault(context.sql, column, relationSql(action.table)) : null };
  },
};

/** `ADD COLUMN c type DEFAULT expr` as the column added bare, then its default set: `null` for other shapes (serial, generated, identity). */
function splitDefault(sql: string, column: Readonly<Record<string, unknown>>, table: string): string | null {
  const text = withoutSemicolon(sql);
  const constraints = nodeList(column.constraints).map((item) => innerNode(item));
  const index = constraints.findIndex((constraint) => constraint.contype === 'CONSTR_DEFAULT');
  const fallback = constraints[index];
  if (index < 0 || fallback === undefined || constraints.length !== 1 || typeof fallback.location !== 'number') return null;
  const expression = text.slice(fallback.location).replace(/^DEFAULT\s+/i, '');
  const name = quoteIdent(String(column.colname));
  return `${text.slice(0, fallback.location).trimEnd()};\nALTER TABLE ${table} ALTER COLUMN ${name} SET DEFAULT ${expression};\n-- then fill the existing rows in batches: UPDATE ${table} SET ${name} = ${expression} WHERE <key range> AND ${name} IS NULL;`;
}
