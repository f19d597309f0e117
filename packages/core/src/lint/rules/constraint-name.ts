import { quoteIdent } from '../../naming/quote-ident.js';
import { withoutSemicolon } from '../node-fields.js';
import { relationBaseName } from '../relation-sql.js';
import type { ParseNode } from '../statement-action.js';

/**
 * The constraint's name: its own, or the one PostgreSQL gives an unnamed one
 * (`<table>_<columns>_<suffix>`, e.g. `orders_customer_id_fkey`), so the fix can validate it.
 */
export function constraintName(constraint: ParseNode, table: string, columns: readonly string[], suffix: string): string {
  if (typeof constraint.conname === 'string') return constraint.conname;
  return [relationBaseName(table), ...columns, suffix].join('_');
}

/** The statement with an unnamed constraint named (`CONSTRAINT <name>` before its keyword), then `tail` appended. */
export function namedConstraintSql(sql: string, constraint: ParseNode, name: string, tail: string): string {
  const text = withoutSemicolon(sql);
  const at = typeof constraint.location === 'number' ? constraint.location : -1;
  const named =
    typeof constraint.conname === 'string' || at < 0 ? text : `${text.slice(0, at)}CONSTRAINT ${quoteIdent(name)} ${text.slice(at)}`;
  return `${named}${tail}`;
}
