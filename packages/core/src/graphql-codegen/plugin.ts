import type { GraphQLSchema } from 'graphql';
import { resolveCodegenConfig, type WesleyCodegenConfig } from './codegen-config.js';
import { loadSqlParser } from '../sql/sql-parser.js';
import { compileCodegenSchema } from './compile-codegen-schema.js';
import { renderCodegenOutput } from './render-codegen-output.js';

/**
 * The GraphQL Code Generator plugin (`PluginFunction` of `@graphql-codegen/plugin-helpers`):
 * compiles the schema codegen loaded with Wesley's compiler and returns Wesley's row types and/or
 * Zod schemas, the same text `wesley generate` writes. Operations (`documents`) play no part.
 * Asynchronous, which codegen allows a plugin: it loads PostgreSQL's parser, which checks the
 * schema's SQL expressions, before compiling.
 *
 * @throws Error listing each diagnostic as `file:line:col CODE message` when the schema has
 * errors; codegen reports it and writes nothing.
 */
export async function plugin(schema: GraphQLSchema, _documents: readonly unknown[], config: WesleyCodegenConfig): Promise<string> {
  await loadSqlParser();
  const resolved = resolveCodegenConfig(config);
  const { ir, warnings } = compileCodegenSchema(schema, resolved);
  return renderCodegenOutput(ir, resolved.output, warnings);
}
