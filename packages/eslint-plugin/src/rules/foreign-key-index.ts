import type { Rule } from 'eslint';
import type { ForeignKeyIR, TableIR } from '@wesley/core';
import { fieldNode } from '../ast/graphql-nodes.js';
import { onSchemaIR } from './on-schema-ir.js';
import { ruleDocsUrl } from './rule-docs-url.js';

/**
 * `@wesley/foreign-key-index`: a foreign key whose columns lead no index of its table. PostgreSQL
 * indexes the referenced key, never the referencing columns: each delete or key update of a
 * referenced row then scans the referencing table (under the row locks it holds), and a join
 * from parent to children does too. A single-column key is fixed with `@wes_index`.
 */
export const foreignKeyIndex: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Requires an index led by the columns of each foreign key',
      recommended: true,
      url: ruleDocsUrl('foreign-key-index'),
    },
    fixable: 'code',
    schema: [],
  },
  create(context) {
    return onSchemaIR(context, (ir) => {
      for (const table of ir.tables) {
        for (const key of table.foreignKeys) {
          if (indexed(table, key)) continue;
          const columns = key.columns.map((name) => table.columns.find((c) => c.name === name)!);
          const field = fieldNode(context.sourceCode, table.graphqlName, columns[0]!.graphqlName);
          if (field === undefined) continue;
          context.report({
            node: field as unknown as Rule.Node,
            message:
              `foreign key ${key.name} (${table.name}.${key.columns.join(', ')} -> ${key.refTable}) has no index led by its columns: ` +
              `each delete or key update in ${key.refTable} scans ${table.name}`,
            fix: columns.length === 1 ? (fixer) => fixer.insertTextAfterRange(field.range, ' @wes_index') : null,
          });
        }
      }
    });
  },
};

/**
 * Whether an index whose leading columns are exactly the key's (in any order) serves the key's
 * lookups: the primary key, a unique constraint or a whole-table index (btree; a hash index on
 * the key's one column). A partial index misses the rows outside its predicate.
 */
function indexed(table: TableIR, key: ForeignKeyIR): boolean {
  const leads = (columns: readonly string[]) =>
    columns.length >= key.columns.length && key.columns.every((column) => columns.slice(0, key.columns.length).includes(column));
  const btrees = [
    table.primaryKey?.columns ?? [],
    ...table.uniques.map((u) => u.columns),
    ...table.indexes.filter((i) => i.where === null && i.using.toLowerCase() === 'btree').map((i) => i.columns),
  ];
  const hashes = table.indexes.filter((i) => i.where === null && i.using.toLowerCase() === 'hash').map((i) => i.columns);
  return (
    btrees.some(leads) || (key.columns.length === 1 && hashes.some((columns) => columns.length === 1 && columns[0] === key.columns[0]))
  );
}
