import { quoteIdent } from '../naming/quote-ident.js';
import type { ForeignKeyIR, TableIR } from '../ir/types.js';
import { constraintSql } from './constraint-sql.js';

/** `ALTER TABLE t ADD CONSTRAINT name FOREIGN KEY (...) REFERENCES ...;` for a key of `table`. */
export function addForeignKeySql(table: TableIR, foreignKey: ForeignKeyIR): string {
  return `ALTER TABLE ${quoteIdent(table.name)}\n    ADD ${constraintSql(foreignKey)};`;
}
