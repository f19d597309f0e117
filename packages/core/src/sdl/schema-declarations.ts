import { builtinScalars } from './scalars.js';
import { fieldDirectives, objectDirectives, type ArgType, type DirectiveSpec } from './vocabulary/index.js';

/** GraphQL's own scalars: declaring one again is an error. */
const graphqlScalars = new Set(['ID', 'String', 'Int', 'Float', 'Boolean']);

/** The scalar an argument that takes any literal (a default's value, a bare word) is declared with. */
const anyLiteral = 'WesleyLiteral';

const argTypes: Readonly<Record<ArgType, string>> = {
  String: 'String',
  Int: 'Int',
  Boolean: 'Boolean',
  StringList: '[String!]',
  Word: anyLiteral,
  Literal: anyLiteral,
  Expression: 'String',
  DefaultExpression: 'String',
  // @wes_rls(options:) of the earlier Wesley: any value, objects too, as a custom scalar takes.
  Json: anyLiteral,
};

/**
 * GraphQL declarations of Wesley's vocabulary: a `directive` for each canonical directive (one
 * for both places where it stands at both, its arguments merged, required where every place
 * requires it) and a `scalar` for each built-in and each of `scalars` that GraphQL lacks. For
 * tools that build a schema from the SDL alone and know nothing of Wesley (graphql-eslint's
 * schema rules, an editor's GraphQL language server): with these beside it, a Wesley schema is
 * a valid GraphQL schema. The compiler itself needs none of them.
 */
export function schemaDeclarations(scalars: Readonly<Record<string, string>> = {}): string {
  const byName = new Map<string, DirectiveSpec[]>();
  for (const spec of [...objectDirectives, ...fieldDirectives]) byName.set(spec.name, [...(byName.get(spec.name) ?? []), spec]);
  const directives = [...byName].map(([name, specs]) => {
    const argNames = [...new Set(specs.flatMap((spec) => Object.keys(spec.args)))];
    const args = argNames.map((arg) => {
      const declared = specs.flatMap((spec) => (spec.args[arg] === undefined ? [] : [spec.args[arg]]));
      const required = declared.length === specs.length && declared.every((a) => a.required);
      return `${arg}: ${argTypes[declared[0]!.type]}${required ? '!' : ''}`;
    });
    const repeatable = specs.some((spec) => spec.repeatable) ? ' repeatable' : '';
    const locations = [...new Set(specs.map((spec) => spec.location))].join(' | ');
    return `directive @${name}${args.length > 0 ? `(${args.join(', ')})` : ''}${repeatable} on ${locations}`;
  });
  const scalarNames = [...new Set([...Object.keys(builtinScalars), ...Object.keys(scalars), anyLiteral])].filter(
    (s) => !graphqlScalars.has(s),
  );
  return [...directives, ...scalarNames.map((name) => `scalar ${name}`)].join('\n') + '\n';
}
