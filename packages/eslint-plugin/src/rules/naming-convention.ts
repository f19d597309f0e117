import type { Rule } from 'eslint';
import type { DirectiveNode, GraphQLNode } from '../ast/graphql-nodes.js';
import { fieldNode, objectNodes } from '../ast/graphql-nodes.js';
import { onSchemaIR } from './on-schema-ir.js';
import { ruleDocsUrl } from './rule-docs-url.js';

/** What the compiler makes of a GraphQL name: lower-case snake_case, which SQL needs no quotes for. */
const snakeCase = '^[a-z_][a-z0-9_]*$';

interface NamingOptions {
  /** A regular expression every table name must match (default: snake_case). */
  readonly table?: string;
  /** A regular expression every column name must match (default: snake_case). */
  readonly column?: string;
}

/**
 * `@wesley/naming-convention`: the PostgreSQL names of tables and columns (as the compiler gives
 * them: snake_case of the GraphQL name, or `@wes_table(name:)` / `@wes_column(name:)`) match a
 * convention, snake_case by default. A name outside it is one every hand-written query must
 * double-quote. GraphQL's own names (types PascalCase, fields camelCase) are graphql-eslint's
 * `naming-convention`; this rule looks only at what the database sees.
 */
export const namingConvention: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Requires table and column names to follow a convention',
      recommended: true,
      url: ruleDocsUrl('naming-convention'),
    },
    schema: [
      {
        type: 'object',
        properties: { table: { type: 'string', minLength: 1 }, column: { type: 'string', minLength: 1 } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const options = (context.options[0] ?? {}) as NamingOptions;
    const tablePattern = new RegExp(options.table ?? snakeCase, 'u');
    const columnPattern = new RegExp(options.column ?? snakeCase, 'u');
    return onSchemaIR(context, (ir) => {
      for (const table of ir.tables) {
        if (!tablePattern.test(table.name)) {
          // Each definition or extension of the type in this file that names the table.
          for (const object of objectNodes(context.sourceCode).filter((o) => o.name.value === table.graphqlName)) {
            const at = directive(object.directives, 'wes_table') ?? (object.type.endsWith('Definition') ? object.name : undefined);
            if (at === undefined) continue;
            context.report({
              node: at as unknown as Rule.Node,
              message: `table name ${table.name} does not match ${tablePattern.source}`,
            });
          }
        }
        for (const column of table.columns) {
          if (columnPattern.test(column.name)) continue;
          const field = fieldNode(context.sourceCode, table.graphqlName, column.graphqlName);
          if (field === undefined) continue;
          const at = directive(field.directives, 'wes_column') ?? field.name;
          context.report({
            node: at as unknown as Rule.Node,
            message: `column name ${table.name}.${column.name} does not match ${columnPattern.source}`,
          });
        }
      }
    });
  },
};

/** The directive `name` when its `name:` argument gives the name, so the report points where it is spelt. */
function directive(directives: readonly DirectiveNode[] | undefined, name: string): GraphQLNode | undefined {
  return directives?.find((d) => d.name.value === name && (d.arguments ?? []).some((a) => a.name.value === 'name'));
}
