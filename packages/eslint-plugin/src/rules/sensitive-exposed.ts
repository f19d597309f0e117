import type { Rule } from 'eslint';
import type { TableIR } from '@wesley/core';
import { namedType, objectNodes } from '../ast/graphql-nodes.js';
import { onSchemaIR } from './on-schema-ir.js';
import { ruleDocsUrl } from './rule-docs-url.js';

/**
 * `@wesley/sensitive-exposed`: a field of a public type returns a table with `@wes_pii` or
 * `@wes_sensitive` columns. Public is every object or interface type that is not a table: the
 * API's types (`Query`, `Mutation`, a payload or view type), which a GraphQL server resolves for
 * its clients, whereas a table's own relation fields describe the database. The generated
 * `<Type>PublicSchema` leaves those columns out; a public field should return such a type.
 */
export const sensitiveExposed: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallows public fields that return a table with @wes_pii or @wes_sensitive columns',
      recommended: true,
      url: ruleDocsUrl('sensitive-exposed'),
    },
    schema: [],
  },
  create(context) {
    return onSchemaIR(context, (ir) => {
      const tables = new Map(ir.tables.map((table) => [table.graphqlName, table]));
      for (const object of objectNodes(context.sourceCode)) {
        if (tables.has(object.name.value)) continue;
        for (const field of object.fields ?? []) {
          const table = tables.get(namedType(field.gqlType));
          const marked = table === undefined ? [] : markedColumns(table);
          if (table === undefined || marked.length === 0) continue;
          context.report({
            node: field as unknown as Rule.Node,
            message:
              `${object.name.value}.${field.name.value} exposes ${table.graphqlName}, whose ${marked.join(', ')} ` +
              `${marked.length === 1 ? 'is' : 'are'} marked sensitive: return a type without ${marked.length === 1 ? 'it' : 'them'}`,
          });
        }
      }
    });
  },
};

/** `email (@wes_pii)` for each marked column, in column order. */
function markedColumns(table: TableIR): string[] {
  return table.columns.flatMap((column) => {
    const marks = [...(column.meta.pii ? ['@wes_pii'] : []), ...(column.meta.sensitive ? ['@wes_sensitive'] : [])];
    return marks.length === 0 ? [] : [`${column.graphqlName} (${marks.join(', ')})`];
  });
}
