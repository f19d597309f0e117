import { quoteIdent } from '../naming/quote-ident.js';
import type { TableIR } from '../ir/types.js';
import { columnDefinitionSql } from './column-definition-sql.js';
import { columnListSql } from './column-list-sql.js';
import { constraintSql } from './constraint-sql.js';

/**
 * `CREATE TABLE` with its columns and the constraints that need no other table inlined: primary
 * key, unique constraints and checks (in that order). Foreign keys are left to
 * `ALTER TABLE ... ADD CONSTRAINT` so that tables can be created in any order and cycles work.
 */
export function createTableSql(table: TableIR): string {
  const elements: string[] = table.columns.map(columnDefinitionSql);
  if (table.primaryKey !== null) elements.push(constraintSql(table.primaryKey));
  for (const unique of table.uniques) elements.push(constraintSql(unique));
  for (const check of table.checks) elements.push(constraintSql(check));
  const lines = [`CREATE TABLE ${quoteIdent(table.name)} (`];
  const last = elements.length - 1;
  elements.forEach((element, i) => {
    lines.push(`    ${element}${i < last ? ',' : ''}`);
  });
  const partition = table.partition;
  if (partition === null) {
    lines.push(');');
  } else {
    lines.push(')', `PARTITION BY ${partition.strategy} ${columnListSql(partition.columns)};`);
  }
  return lines.join('\n');
}
