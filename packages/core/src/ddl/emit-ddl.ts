import type { SchemaIR } from '../ir/types.js';
import { addForeignKeySql } from './add-foreign-key-sql.js';
import { createEnumSql } from './create-enum-sql.js';
import { createIndexSql } from './create-index-sql.js';
import { createTableSql } from './create-table-sql.js';
import { derivedColumnParts, derivedColumnSql } from './derived-column-sql.js';
import { tableSecuritySql } from './security-sql.js';

/**
 * The statements that create `ir` in an empty database, in an order that always applies: enum
 * types, then tables (with their primary keys, uniques and checks), then foreign keys (after
 * every table, so references in any order and cycles work), then indexes, then the trigger
 * functions and triggers of derived columns (`derived-column-sql.ts`), then each table's
 * grants, policies and row-level security (after every table and column a policy's expression
 * may name). Each statement ends
 * with `;`. The order within each group is the IR's own (sorted), so the output is deterministic.
 */
export function emitDdlStatements(ir: SchemaIR): string[] {
  const statements: string[] = ir.enums.map(createEnumSql);
  for (const table of ir.tables) statements.push(createTableSql(table));
  for (const table of ir.tables) {
    for (const foreignKey of table.foreignKeys) statements.push(addForeignKeySql(table, foreignKey));
  }
  for (const table of ir.tables) {
    for (const index of table.indexes) statements.push(createIndexSql(table, index));
  }
  for (const table of ir.tables) {
    for (const column of table.columns) {
      const parts = derivedColumnParts(ir, table, column);
      if (parts !== null) statements.push(...derivedColumnSql(parts));
    }
  }
  for (const table of ir.tables) statements.push(...tableSecuritySql(table));
  return statements;
}

/**
 * DDL that creates `ir` in an empty database (the `public` schema, names unqualified), formatted
 * like `pg_dump`: one statement per group of lines, a blank line between statements. Equal IRs
 * give byte-identical text. An IR without enums or tables gives the empty string.
 */
export function emitDdl(ir: SchemaIR): string {
  const statements = emitDdlStatements(ir);
  return statements.length === 0 ? '' : `${statements.join('\n\n')}\n`;
}
