import { isIntrospectionType, isSpecifiedDirective, isSpecifiedScalarType, print, type ASTNode, type GraphQLSchema } from 'graphql';

/**
 * A schema turned back into SDL text: the definitions in the order they were printed, so a
 * position in `body` can be traced to the definition node it came from.
 */
export interface SchemaSdl {
  /** The SDL, definitions separated by a blank line. */
  readonly body: string;
  /** The AST node of each printed definition, in `body` order. */
  readonly definitions: readonly ASTNode[];
}

/**
 * The SDL of `schema` with every directive use kept: the AST nodes of its types (definitions and
 * `extend` nodes), directive definitions and schema definition, printed. A `GraphQLSchema` does not
 * hold applied directives anywhere else; GraphQL Code Generator keeps these nodes when it loads
 * SDL files. GraphQL's own scalars, directives and introspection types are left out, as in a file.
 *
 * @throws Error when a type has no AST node: the schema came from introspection (a URL or a JSON
 * file) or was built in code, so its `@wes_*` directives are lost.
 */
export function schemaSdl(schema: GraphQLSchema): SchemaSdl {
  const definitions: ASTNode[] = [];
  if (schema.astNode) definitions.push(schema.astNode);
  definitions.push(...schema.extensionASTNodes);
  for (const directive of schema.getDirectives()) {
    if (!isSpecifiedDirective(directive) && directive.astNode) definitions.push(directive.astNode);
  }
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.astNode) {
      missing.push(type.name);
      continue;
    }
    definitions.push(type.astNode, ...type.extensionASTNodes);
  }
  if (missing.length > 0) throw new Error(noSdlMessage(missing));
  return { body: `${definitions.map((node) => print(node)).join('\n\n')}\n`, definitions };
}

function noSdlMessage(types: readonly string[]): string {
  const shown = types.length > 5 ? `${types.slice(0, 5).join(', ')} and ${types.length - 5} more` : types.join(', ');
  return (
    `Wesley: the schema has no SDL for ${shown}, so its @wes_* directives are lost. ` +
    'The schema was loaded from introspection (a URL or a JSON file) or built in code; ' +
    "point codegen's `schema` at the .graphql files instead."
  );
}
