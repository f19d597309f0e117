import type { AST, Rule } from 'eslint';
import type { TableIR } from '@wesley/core';
import { namedType, objectNodes, type GraphQLNode } from '../ast/graphql-nodes.js';
import { schemaCompilation } from '../compile/schema-compilation.js';
import { onSchemaIR } from './on-schema-ir.js';
import { ruleDocsUrl } from './rule-docs-url.js';

/**
 * `@wesley/sensitive-exposed`: a field of a public type returns a table with `@wes_pii` or
 * `@wes_sensitive` columns. Public is every object or interface type that is not a table: the
 * API's types (`Query`, `Mutation`, a payload or view type), which a GraphQL server resolves for
 * its clients, whereas a table's own relation fields describe the database. The generated
 * `<Type>PublicSchema` leaves those columns out; a public field should return such a type.
 *
 * Judged beside the compiler's errors as the other design rules are: public types are not in the
 * IR, so `partialIR` cannot leave their erroneous parts out, and this rule passes over them by the
 * errors' positions instead, as `partialIR` does for tables. A type with an error on its name or
 * on one of its directives is passed over whole (it may be a table whose `@wes_table` is
 * misspelt, or one `partialIR` left out, whose relation fields would otherwise look public), and
 * so is a field with an error in it (an unknown argument type, a directive that does not belong).
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
      const { result, file } = schemaCompilation(context);
      const errors = (result?.diagnostics ?? [])
        .filter((d) => d.severity === 'error' && d.file === file)
        .map((d) => ({ line: d.line, column: d.column - 1 }));
      const hasError = (node: GraphQLNode): boolean => errors.some((at) => within(at, node.loc));
      const objects = objectNodes(context.sourceCode);
      // `extend type` nodes share their type's fate, as `partialIR` judges the type once.
      const broken = new Set(objects.filter((o) => hasError(o.name) || (o.directives ?? []).some(hasError)).map((o) => o.name.value));
      const tables = new Map(ir.tables.map((table) => [table.graphqlName, table]));
      for (const object of objects) {
        if (tables.has(object.name.value) || broken.has(object.name.value)) continue;
        for (const field of object.fields ?? []) {
          const table = tables.get(namedType(field.gqlType));
          const marked = table === undefined ? [] : markedColumns(table);
          if (table === undefined || marked.length === 0 || hasError(field)) continue;
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

type Position = AST.SourceLocation['start'];

/** Whether a position (ESLint's: 1-based line, 0-based column) is inside `loc`, its end excluded. */
function within(at: Position, loc: AST.SourceLocation): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.column < b.column);
  return !before(at, loc.start) && before(at, loc.end);
}

/** `email (@wes_pii)` for each marked column, in column order. */
function markedColumns(table: TableIR): string[] {
  return table.columns.flatMap((column) => {
    const marks = [...(column.meta.pii ? ['@wes_pii'] : []), ...(column.meta.sensitive ? ['@wes_sensitive'] : [])];
    return marks.length === 0 ? [] : [`${column.graphqlName} (${marks.join(', ')})`];
  });
}
