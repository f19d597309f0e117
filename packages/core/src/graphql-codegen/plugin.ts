import type { GraphQLSchema } from 'graphql';
import { resolveCodegenConfig, type WesleyCodegenConfig } from './codegen-config.js';
import { compileCodegenSchema } from './compile-codegen-schema.js';
import { renderCodegenOutput } from './render-codegen-output.js';

/**
 * The GraphQL Code Generator plugin (`PluginFunction` of `@graphql-codegen/plugin-helpers`):
 * compiles the schema codegen loaded with Wesley's compiler and returns Wesley's row types and/or
 * Zod schemas, the same text `wesley generate` writes. Operations (`documents`) play no part.
 *
 * @throws Error listing each diagnostic as `file:line:col CODE message` when the schema has
 * errors; codegen reports it and writes nothing.
 */
export function plugin(schema: GraphQLSchema, _documents: readonly unknown[], config: WesleyCodegenConfig): string {
  const resolved = resolveCodegenConfig(config);
  const { ir, warnings } = compileCodegenSchema(schema, resolved);
  return renderCodegenOutput(ir, resolved.output, warnings);
}
