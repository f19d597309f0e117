import { quoteIdent } from '../naming/quote-ident.js';
import type { CheckIR, ForeignKeyIR, PrimaryKeyIR, UniqueIR } from '../ir/types.js';
import { columnListSql } from './column-list-sql.js';

/** Any table constraint of the IR. */
export type TableConstraint = PrimaryKeyIR | UniqueIR | CheckIR | ForeignKeyIR;

/**
 * A named table constraint, as it appears inside `CREATE TABLE` or after
 * `ALTER TABLE ... ADD`: `CONSTRAINT name PRIMARY KEY (cols)`, `... UNIQUE (cols)`,
 * `... CHECK (expr)`, `... FOREIGN KEY (cols) REFERENCES t (cols) ...`.
 */
export function constraintSql(constraint: TableConstraint): string {
  const head = `CONSTRAINT ${quoteIdent(constraint.name)}`;
  switch (constraint.kind) {
    case 'primaryKey':
      return `${head} PRIMARY KEY ${columnListSql(constraint.columns)}`;
    case 'unique':
      return `${head} UNIQUE ${columnListSql(constraint.columns)}`;
    case 'check':
      return `${head} CHECK (${constraint.expr})`;
    case 'foreignKey':
      return `${head} ${foreignKeyBody(constraint)}`;
  }
}

/** `FOREIGN KEY ... REFERENCES ...`; `NO ACTION` clauses are left out since they are the default. */
function foreignKeyBody(fk: ForeignKeyIR): string {
  const parts = [`FOREIGN KEY ${columnListSql(fk.columns)} REFERENCES ${quoteIdent(fk.refTable)}`];
  // An empty list means "the referenced table's primary key", which PostgreSQL spells by omission.
  if (fk.refColumns.length > 0) parts.push(columnListSql(fk.refColumns));
  if (fk.onDelete !== 'NO ACTION') parts.push(`ON DELETE ${fk.onDelete}`);
  if (fk.onUpdate !== 'NO ACTION') parts.push(`ON UPDATE ${fk.onUpdate}`);
  // INITIALLY DEFERRED implies DEFERRABLE in PostgreSQL; spelling both keeps the text honest.
  if (fk.initiallyDeferred) parts.push('DEFERRABLE INITIALLY DEFERRED');
  else if (fk.deferrable) parts.push('DEFERRABLE');
  return parts.join(' ');
}
