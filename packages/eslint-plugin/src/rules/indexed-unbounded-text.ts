import type { Rule } from 'eslint';
import type { ColumnIR, TableIR } from '@wesley/core';
import { fieldNode } from '../ast/graphql-nodes.js';
import { onSchemaIR } from './on-schema-ir.js';
import { ruleDocsUrl } from './rule-docs-url.js';

/**
 * `@wesley/indexed-unbounded-text`: a `text` column (GraphQL `String`) with no length limit in
 * a primary key, unique constraint or btree index. A btree entry holds at most about a third of
 * a page (2,704 bytes after compression on 8 kB pages), so one long value fails its insert or
 * update ("index row size exceeds btree version 4 maximum") in production, long after the schema
 * shipped. Bounded by `@wes_constraint(maxLength:)` (a CHECK) or a `varchar(n)` type, it cannot.
 * Which bound is a human's choice: suggestions, no fix.
 */
export const indexedUnboundedText: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Requires a length limit on text columns that a btree index or key holds',
      recommended: true,
      url: ruleDocsUrl('indexed-unbounded-text'),
    },
    hasSuggestions: true,
    schema: [],
  },
  create(context) {
    return onSchemaIR(context, (ir) => {
      for (const table of ir.tables) {
        for (const [column, index] of unboundedKeyed(table)) {
          const field = fieldNode(context.sourceCode, table.graphqlName, column.graphqlName);
          if (field === undefined) continue;
          const has = (name: string) => (field.directives ?? []).some((d) => d.name.value === name);
          const bounds = [
            ...(has('wes_constraint') ? [] : ['@wes_constraint(maxLength: 255)']),
            ...(has('wes_column') ? [] : ['@wes_column(type: "varchar(255)")']),
          ];
          context.report({
            node: field as unknown as Rule.Node,
            message:
              `${table.name}.${column.name} is text without a length limit in ${index}: ` +
              'a value over about 2.7 kB cannot be stored in a btree entry, so its insert fails',
            suggest: bounds.map((bound) => ({
              desc: `bound it with ${bound} (choose the length)`,
              fix: (fixer: Rule.RuleFixer) => fixer.insertTextAfterRange(field.range, ` ${bound}`),
            })),
          });
        }
      }
    });
  },
};

/** Each unbounded text column of `table` a btree key or index holds, with the first that does. */
function unboundedKeyed(table: TableIR): [ColumnIR, string][] {
  const keyed = [
    ...(table.primaryKey === null ? [] : [{ name: `primary key ${table.primaryKey.name}`, columns: table.primaryKey.columns }]),
    ...table.uniques.map((u) => ({ name: `unique constraint ${u.name}`, columns: u.columns })),
    ...table.indexes.filter((i) => i.using.toLowerCase() === 'btree').map((i) => ({ name: `index ${i.name}`, columns: i.columns })),
  ];
  return table.columns.flatMap((column): [ColumnIR, string][] => {
    if (column.type.base !== 'text' || column.meta.rules?.maxLength != null) return [];
    const by = keyed.find((k) => k.columns.includes(column.name));
    return by === undefined ? [] : [[column, by.name]];
  });
}
